import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Send } from "lucide-react";
import { requireOperator } from "@/lib/auth/session";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/db/schema/notifications";
import { deliveryCounts, listDeliveries, queueFigures } from "@/lib/services/deliveries";
import { DeliveriesTable } from "@/components/admin/deliveries-table";
import { DeliveryStatusFilter } from "@/components/admin/delivery-status-filter";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard } from "@/components/table-card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

type Props = { searchParams: Promise<{ status?: string }> };

export default async function JobsPage({ searchParams }: Props) {
  await connection();
  await requireOperator();
  const t = await getTranslations("jobs");
  const sp = await searchParams;
  const status = (DELIVERY_STATUSES as readonly string[]).includes(sp.status ?? "")
    ? (sp.status as DeliveryStatus)
    : undefined;
  const [rows, counts, queues] = await Promise.all([
    listDeliveries({ status, limit: 300 }),
    deliveryCounts(),
    queueFigures(),
  ]);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-muted-foreground">{process.env.SMTP_URL ? t("smtpOn") : t("smtpOff")}</p>
      <TableCard
        title={t("deliveries")}
        description={<span data-testid="delivery-counts">{t("counts", counts)}</span>}
        actions={<DeliveryStatusFilter status={status ?? null} />}
        isEmpty={rows.length === 0}
        empty={{ icon: <Send className="size-8" />, title: t("empty"), description: t("emptyDescription") }}
      >
        <DeliveriesTable
          rows={rows.map((d) => ({
            id: d.id,
            status: d.status,
            channel: d.channel,
            to: d.to,
            kind: d.kind,
            accountName: d.accountName,
            attempts: d.attempts,
            lastError: d.lastError,
            transport: d.transport,
            subject: d.subject,
            body: d.body,
            createdAt: d.createdAt.toISOString(),
            sentAt: d.sentAt?.toISOString() ?? null,
          }))}
        />
      </TableCard>
      <TableCard
        title={t("queues")}
        description={t("queuesDescription")}
        isEmpty={!queues || queues.length === 0}
        empty={t("noQueues")}
      >
        <Table aria-label={t("queues")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("queue")}</TableHead>
              {(["waiting", "active", "completed", "failed"] as const).map((k) => (
                <TableHead key={k} className="text-right">
                  {t(`jobState.${k}`)}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {queues?.map((q) => (
              <TableRow key={q.queue}>
                <TableCell className="font-mono text-xs">{q.queue}</TableCell>
                {(["waiting", "active", "completed", "failed"] as const).map((k) => (
                  <TableCell key={k} className="text-right tabular-nums">
                    {q[k]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableCard>
    </div>
  );
}
