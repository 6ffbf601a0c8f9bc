"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Sparkles } from "lucide-react";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { FeatureDecision } from "./feature-decision";
import { STATUS_VARIANT, useApplicationLine } from "./labels";
import type { ApplicationJson } from "@/lib/wire";

export type QueueItem = ApplicationJson & { accountId: string; accountName: string; appName: string };
const FILTERS = ["pending", "approved", "enabled", "rejected", "stopped", "all"] as const;

/** The queue with a status filter (links, so a filter is a shareable URL); pending ones can be decided. */
export function FeatureQueue({
  items,
  status,
  enableAtIfNow,
}: {
  items: QueueItem[];
  status: (typeof FILTERS)[number];
  enableAtIfNow: string;
}) {
  const t = useTranslations("featureQueue");
  const tf = useTranslations("features");
  // Pending ones are cards with the decision (they fit a phone); decided ones a table.
  const pending = items.filter((a) => a.status === "pending");
  const decided = items.filter((a) => a.status !== "pending");
  return (
    <div className="grid grid-cols-1 gap-4">
      <nav aria-label={t("filter")} className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f}
            href={`/admin/features?status=${f}`}
            aria-current={f === status ? "page" : undefined}
            className={cn(
              "rounded-md border px-3 py-1.5 text-sm",
              f === status ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent",
            )}
          >
            {f === "all" ? t("all") : tf(`status.${f}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState
          icon={<Sparkles className="size-6" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
        />
      ) : (
        <>
          {pending.length > 0 && (
            <ul aria-label={t("table")} className="grid grid-cols-1 gap-3">
              {pending.map((a) => (
                <PendingItem key={a.id} item={a} enableAtIfNow={enableAtIfNow} />
              ))}
            </ul>
          )}
          {decided.length > 0 && <DecidedTable items={decided} />}
        </>
      )}
    </div>
  );
}

function PendingItem({ item: a, enableAtIfNow }: { item: QueueItem; enableAtIfNow: string }) {
  const t = useTranslations("featureQueue");
  const tf = useTranslations("features");
  return (
    <li
      data-testid="feature-queue-row"
      className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center"
    >
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">{t("feature")}</dt>
          <dd className="font-medium">{tf(`name.${a.feature}`)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("account")}</dt>
          <dd>
            <Link href={`/admin/accounts/${a.accountId}`} className="text-primary hover:underline">
              {a.accountName}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("app")}</dt>
          <dd className="font-medium">
            {a.appName} <span className="font-mono text-xs text-muted-foreground">{a.sdkAppId}</span>
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("appliedAt")}</dt>
          <dd className="whitespace-nowrap">{formatDateTime(a.appliedAt)}</dd>
        </div>
      </dl>
      <FeatureDecision item={a} enableAtIfNow={enableAtIfNow} />
    </li>
  );
}

function DecidedTable({ items }: { items: QueueItem[] }) {
  const t = useTranslations("featureQueue");
  const tf = useTranslations("features");
  const line = useApplicationLine();
  return (
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
            <TableCell>
              <Link href={`/admin/accounts/${a.accountId}`} className="text-primary hover:underline">
                {a.accountName}
              </Link>
            </TableCell>
            <TableCell>
              <div className="font-medium">{a.appName}</div>
              <div className="font-mono text-xs text-muted-foreground">{a.sdkAppId}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">{tf(`name.${a.feature}`)}</TableCell>
            <TableCell>
              <Badge variant={STATUS_VARIANT[a.status]}>{tf(`status.${a.status}`)}</Badge>
            </TableCell>
            <TableCell className="min-w-56 text-sm">{line(a)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
