"use client";

import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type DeliveryRow = {
  id: string;
  status: "pending" | "sent" | "failed";
  channel: "email" | "sms";
  to: string;
  kind: string;
  accountName: string;
  attempts: number;
  lastError: string | null;
  transport: string | null;
  subject: string | null;
  body: string | null;
  createdAt: string;
  sentAt: string | null;
};

const VARIANT = { failed: "destructive", pending: "secondary", sent: "outline" } as const;

/** The outbox for operators: failed first; development-transport messages can be read in full. */
export function DeliveriesTable({ rows }: { rows: DeliveryRow[] }) {
  const t = useTranslations("jobs");
  const tk = useTranslations("notificationKind");
  return (
    <Table aria-label={t("deliveries")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("to")}</TableHead>
          <TableHead>{t("kind")}</TableHead>
          <TableHead className="text-right">{t("attempts")}</TableHead>
          <TableHead>{t("lastError")}</TableHead>
          <TableHead>{t("sentAt")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((d) => (
          <TableRow key={d.id} data-testid="delivery-row" data-status={d.status} className="align-top">
            <TableCell>
              <Badge variant={VARIANT[d.status]}>{t(`statusLabel.${d.status}`)}</Badge>
            </TableCell>
            <TableCell className="text-sm">
              <div className="break-all">{d.to}</div>
              <div className="text-xs text-muted-foreground">
                {t(`channelLabel.${d.channel}`)} · {d.accountName}
              </div>
            </TableCell>
            <TableCell className="text-sm">
              <div>{tk(d.kind)}</div>
              {d.body && (
                <details className="mt-1 max-w-md text-xs">
                  <summary className="cursor-pointer text-primary">{t("showMessage")}</summary>
                  {d.transport?.startsWith("dev") && <p className="mt-1 text-muted-foreground">{t("devTransport")}</p>}
                  <p className="mt-1 font-medium">{d.subject}</p>
                  <pre className="mt-1 whitespace-pre-wrap break-words font-sans text-muted-foreground">{d.body}</pre>
                </details>
              )}
            </TableCell>
            <TableCell className="text-right tabular-nums">{d.attempts}</TableCell>
            <TableCell className="max-w-64 break-words text-xs text-destructive">{d.lastError ?? "—"}</TableCell>
            <TableCell className="whitespace-nowrap text-xs text-muted-foreground">
              {formatDateTime(d.sentAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
