"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { formatCNY, formatDateTime } from "@/lib/format";
import { RefundStatusBadge, useRefundLabels } from "@/components/refunds/labels";
import { RefundLinesTable } from "@/components/refunds/preview-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { DecisionButtons } from "./decision-buttons";
import type { RefundJson } from "@/lib/wire";

export type ReviewItem = RefundJson & { accountName: string; recent: RefundJson[] };

/** 退费审核: the refunds waiting for an operator, and the decided ones, one tab each. */
export function ReviewQueue({ items }: { items: ReviewItem[] }) {
  const t = useTranslations("refundReview");
  const tr = useTranslations("refunds");
  // Oldest request first: the queue is worked in the order customers asked.
  const pending = items.filter((r) => r.status === "pending_review").reverse();
  const executed = items.filter((r) => r.status === "executed");
  const rejected = items.filter((r) => r.status === "rejected");

  return (
    <Tabs defaultValue="pending_review">
      <TabsList aria-label={t("tabs")}>
        <TabsTrigger value="pending_review">
          {tr("status.pending_review")}{" "}
          <Badge variant={pending.length ? "warning" : "secondary"}>{pending.length}</Badge>
        </TabsTrigger>
        <TabsTrigger value="executed">
          {tr("status.executed")} <Badge variant="secondary">{executed.length}</Badge>
        </TabsTrigger>
        <TabsTrigger value="rejected">
          {tr("status.rejected")} <Badge variant="secondary">{rejected.length}</Badge>
        </TabsTrigger>
      </TabsList>
      <TabsContent value="pending_review" className="grid gap-4">
        {pending.length === 0 ? (
          <EmptyState
            icon={<ShieldCheck className="size-6" />}
            title={t("emptyTitle")}
            description={t("emptyDescription")}
          />
        ) : (
          pending.map((r) => <PendingCard key={r.id} item={r} />)
        )}
      </TabsContent>
      <TabsContent value="executed">
        <DecidedTable items={executed} />
      </TabsContent>
      <TabsContent value="rejected">
        <DecidedTable items={rejected} />
      </TabsContent>
    </Tabs>
  );
}

function PendingCard({ item: r }: { item: ReviewItem }) {
  const tm = useTranslations("money");
  const t = useTranslations("refundReview");
  const l = useRefundLabels();
  const facts: [string, React.ReactNode][] = [
    [t("requestedAt"), formatDateTime(r.requestedAt)],
    [
      t("account"),
      <Link key="a" href={`/admin/accounts/${r.accountId}`} className="text-primary hover:underline">
        {r.accountName}
      </Link>,
    ],
    [
      "SDKAppID",
      <span key="id" className="font-mono">
        {r.sdkAppId}
      </span>,
    ],
    [t("product"), l.product(r.product)],
    [t("mode"), l.mode(r.mode)],
    [
      t("total"),
      <span key="t" className="tabular-nums">
        {formatCNY(r.total)}
      </span>,
    ],
  ];
  return (
    <Card data-testid="review-item">
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("itemTitle", { no: r.refundNo })}
          {r.reviewReason && <Badge variant="warning">{l.reviewReason(r.reviewReason)}</Badge>}
          {r.changeOrderNo && (
            <Badge variant="secondary" data-testid="review-change">
              {tm("reviewChange", { order: r.changeOrderNo })}
            </Badge>
          )}
        </CardTitle>
        {r.changeOrderNo && (
          <p className="basis-full text-sm text-muted-foreground">
            {tm("reviewChangeNote", { total: formatCNY(r.changeOrderTotal ?? "0") })}
          </p>
        )}
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="grid min-w-0 gap-4">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
          <RefundLinesTable
            lines={r.lines}
            total={r.total}
            cash={r.cash}
            gift={r.gift}
            label={t("lines", { no: r.refundNo })}
          />
        </div>
        <section
          aria-label={t("recentTitle", { account: r.accountName })}
          className="grid content-start gap-2 rounded-lg border bg-muted/30 p-3"
        >
          <h3 className="text-sm font-medium">{t("recentTitle", { account: r.accountName })}</h3>
          {r.recent.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("recentEmpty")}</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {r.recent.map((x) => (
                <li key={x.id} className="grid gap-0.5 border-b pb-2 last:border-0 last:pb-0">
                  <div className="flex items-center justify-between gap-2">
                    <span className="tabular-nums font-medium">{formatCNY(x.total)}</span>
                    <RefundStatusBadge status={x.status} />
                  </div>
                  <div className="text-xs text-muted-foreground">
                    {formatDateTime(x.requestedAt)} · {x.sdkAppId} · {l.product(x.product)} · {l.mode(x.mode)}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
      <CardFooter className="justify-end border-t">
        <DecisionButtons
          id={r.id}
          refundNo={r.refundNo}
          total={r.total}
          cash={r.cash}
          gift={r.gift}
          accountName={r.accountName}
        />
      </CardFooter>
    </Card>
  );
}

function DecidedTable({ items }: { items: ReviewItem[] }) {
  const t = useTranslations("refundReview");
  const l = useRefundLabels();
  if (items.length === 0) return <EmptyState title={t("noneDecided")} />;
  return (
    <Table aria-label={t("decidedTable")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("requestedAt")}</TableHead>
          <TableHead>{t("account")}</TableHead>
          <TableHead>SDKAppID</TableHead>
          <TableHead>{t("product")}</TableHead>
          <TableHead>{t("mode")}</TableHead>
          <TableHead className="text-right">{t("total")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("decidedAt")}</TableHead>
          <TableHead>{t("note")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(r.requestedAt)}</TableCell>
            <TableCell>
              <Link href={`/admin/accounts/${r.accountId}`} className="text-primary hover:underline">
                {r.accountName}
              </Link>
            </TableCell>
            <TableCell className="font-mono text-sm">{r.sdkAppId}</TableCell>
            <TableCell>{l.product(r.product)}</TableCell>
            <TableCell className="whitespace-nowrap">{l.mode(r.mode)}</TableCell>
            <TableCell className="text-right tabular-nums whitespace-nowrap">{formatCNY(r.total)}</TableCell>
            <TableCell>
              <RefundStatusBadge status={r.status} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              {r.decidedAt ? formatDateTime(r.decidedAt) : t("automatic")}
            </TableCell>
            <TableCell className="min-w-40 max-w-72 text-sm">
              {r.rejectReason && <p>{r.rejectReason}</p>}
              {r.reviewReason && <p className="text-xs text-muted-foreground">{l.reviewReason(r.reviewReason)}</p>}
              {r.changeOrderId && <p className="text-xs text-muted-foreground">{t("viaChange")}</p>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
