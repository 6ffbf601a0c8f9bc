"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, History } from "lucide-react";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RefundStatusBadge, useRefundLabels, type RefundStatus } from "./labels";
import type { RefundJson } from "@/lib/wire";

const STATUSES: RefundStatus[] = ["pending_review", "executed", "rejected"];

/** The account's refunds, newest first: filter by status, flip the time order. */
export function RefundHistory({ refunds, appNames }: { refunds: RefundJson[]; appNames: Record<string, string> }) {
  const t = useTranslations("refunds");
  const tm = useTranslations("money");
  const tc = useTranslations("common");
  const l = useRefundLabels();
  const [status, setStatus] = useState<"all" | RefundStatus>("all");
  const [dir, setDir] = useState<1 | -1>(-1);

  const rows = useMemo(
    () =>
      refunds
        .filter((r) => status === "all" || r.status === status)
        .sort(
          (a, b) =>
            (a.requestedAt < b.requestedAt
              ? -1
              : a.requestedAt > b.requestedAt
                ? 1
                : a.refundNo.localeCompare(b.refundNo)) * dir,
        ),
    [refunds, status, dir],
  );

  if (refunds.length === 0) {
    return (
      <EmptyState
        icon={<History className="size-6" />}
        title={t("history.emptyTitle")}
        description={t("history.emptyDescription")}
      />
    );
  }

  const SortIcon = dir === 1 ? ArrowUp : ArrowDown;
  return (
    <div className="grid grid-cols-1 gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Select value={status} onValueChange={(v) => setStatus(v as typeof status)}>
          <SelectTrigger className="w-40" aria-label={t("history.filterStatus")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">
              {t("history.filterStatus")}: {tc("all")}
            </SelectItem>
            {STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {t(`status.${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <Table aria-label={t("history.title")}>
        <TableHeader>
          <TableRow>
            <TableHead aria-sort={dir === 1 ? "ascending" : "descending"}>
              <button
                type="button"
                className="inline-flex items-center gap-1 hover:text-foreground"
                onClick={() => setDir(dir === 1 ? -1 : 1)}
                aria-label={tc("sortBy", { column: t("history.requestedAt") })}
              >
                {t("history.requestedAt")}
                <SortIcon className="size-3.5" />
              </button>
            </TableHead>
            <TableHead>{tm("refundNo")}</TableHead>
            <TableHead>{t("history.app")}</TableHead>
            <TableHead>{t("col.product")}</TableHead>
            <TableHead>{t("history.mode")}</TableHead>
            <TableHead className="text-right">{t("history.total")}</TableHead>
            <TableHead className="text-right">{t("history.split")}</TableHead>
            <TableHead>{t("history.status")}</TableHead>
            <TableHead>{t("history.note")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="refund-row">
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(r.requestedAt)}</TableCell>
              <TableCell className="whitespace-nowrap font-mono text-xs" data-testid="refund-no">
                {r.refundNo}
              </TableCell>
              <TableCell className="min-w-36">
                <Link href={`/apps/${r.sdkAppId}`} className="text-primary hover:underline">
                  {appNames[String(r.sdkAppId)] ?? r.sdkAppId}
                </Link>
                <div className="font-mono text-xs text-muted-foreground">{r.sdkAppId}</div>
              </TableCell>
              <TableCell className="whitespace-nowrap">{l.product(r.product)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {l.mode(r.mode)}
                {r.changeOrderId && (
                  <Link href={`/orders/${r.changeOrderId}`} className="ml-1 inline-block">
                    <Badge variant="outline">
                      {t("history.viaChange")}
                      {r.changeOrderNo ? ` · ${r.changeOrderNo}` : ""}
                    </Badge>
                  </Link>
                )}
              </TableCell>
              <TableCell className="text-right font-medium tabular-nums whitespace-nowrap">
                {formatCNY(r.total)}
              </TableCell>
              <TableCell className="text-right text-xs tabular-nums whitespace-nowrap text-muted-foreground">
                <div>{t("history.cash", { amount: formatCNY(r.cash) })}</div>
                <div>{t("history.gift", { amount: formatCNY(r.gift) })}</div>
              </TableCell>
              <TableCell>
                <RefundStatusBadge status={r.status} />
              </TableCell>
              <TableCell className="min-w-40 max-w-72 text-sm">
                {r.status === "rejected" && r.rejectReason && (
                  <p>{t("history.rejectReason", { reason: r.rejectReason })}</p>
                )}
                {r.reviewReason && (
                  <p className="text-xs text-muted-foreground">
                    {t("history.reviewedFor", { reason: l.reviewReason(r.reviewReason) ?? "" })}
                  </p>
                )}
                {r.status === "executed" && r.executedAt && (
                  <p className="text-xs text-muted-foreground">
                    {t("history.executedAt", { at: formatDateTime(r.executedAt) })}
                  </p>
                )}
              </TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={9} className="py-8 text-center text-muted-foreground">
                {tc("noMatch")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
