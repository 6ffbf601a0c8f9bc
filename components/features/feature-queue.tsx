"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Sparkles } from "lucide-react";
import type { ApplicationJson } from "@/lib/services/features";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { FeatureDecision } from "./feature-decision";
import { STATUS_VARIANT, useApplicationLine } from "./labels";

export type QueueItem = ApplicationJson & { accountId: string; accountName: string; appName: string };
const FILTERS = ["pending", "approved", "enabled", "rejected", "stopped", "all"] as const;

/** The queue with a status filter (links, so a filter is a shareable URL); pending ones can be decided. */
export function FeatureQueue({ items, status, enableAtIfNow }: { items: QueueItem[]; status: (typeof FILTERS)[number]; enableAtIfNow: string }) {
  const t = useTranslations("featureQueue");
  const tf = useTranslations("features");
  const line = useApplicationLine();
  return (
    <div className="grid gap-4">
      <nav aria-label={t("filter")} className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f}
            href={`/admin/features?status=${f}`}
            aria-current={f === status ? "page" : undefined}
            className={cn("rounded-md border px-3 py-1.5 text-sm", f === status ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent")}
          >
            {f === "all" ? t("all") : tf(`status.${f}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState icon={<Sparkles className="size-6" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table aria-label={t("table")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("appliedAt")}</TableHead>
              <TableHead>{t("account")}</TableHead>
              <TableHead>{t("app")}</TableHead>
              <TableHead>{t("feature")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("decision")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((a) => (
              <TableRow key={a.id} data-testid="feature-queue-row">
                <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.appliedAt)}</TableCell>
                <TableCell><Link href={`/admin/accounts/${a.accountId}`} className="text-primary hover:underline">{a.accountName}</Link></TableCell>
                <TableCell>
                  <div className="font-medium">{a.appName}</div>
                  <div className="font-mono text-xs text-muted-foreground">{a.sdkAppId}</div>
                </TableCell>
                <TableCell className="whitespace-nowrap">{tf(`name.${a.feature}`)}</TableCell>
                <TableCell><Badge variant={STATUS_VARIANT[a.status]}>{tf(`status.${a.status}`)}</Badge></TableCell>
                <TableCell className="min-w-56">
                  {a.status === "pending" ? <FeatureDecision item={a} enableAtIfNow={enableAtIfNow} /> : <p className="text-sm">{line(a)}</p>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
