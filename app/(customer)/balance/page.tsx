import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReceiptText } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatCNY } from "@/lib/format";
import { getAccount } from "@/lib/services/accounts";
import { countLedger, listLedger } from "@/lib/services/ledger";
import { FilterForm } from "@/components/list/filter-form";
import { Pagination } from "@/components/list/pagination";
import { listHref, parseListParams, type SearchParams } from "@/components/list/params";
import { listVouchers } from "@/lib/services/vouchers";
import { BalanceChart } from "@/components/balance/balance-chart";
import { LedgerTable } from "@/components/balance/ledger-table";
import type { LedgerRowView } from "@/components/balance/types";
import { VoucherTabs } from "@/components/balance/voucher-tabs";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard } from "@/components/table-card";
import { cn } from "@/lib/utils";
import { accountJson, voucherJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("balance"))("title") };
}

export default async function BalancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("balance");
  const tv = await getTranslations("vouchers");
  const at = await now();
  const sp = await searchParams;
  const params = parseListParams(sp, { pageSize: 25 });
  const [account, recent, page, total, any, vouchers] = await Promise.all([
    getAccount(actor.accountId),
    listLedger(actor.accountId),
    listLedger(actor.accountId, { ...params.range, limit: params.pageSize, offset: params.offset }),
    countLedger(actor.accountId, params.range),
    countLedger(actor.accountId),
    listVouchers(actor.accountId),
  ]);
  const balance = accountJson(account).balance;
  const view = (l: (typeof recent)[number]): LedgerRowView => ({
    id: l.id,
    at: l.at.toISOString(),
    kind: l.kind,
    cashDelta: l.cashDelta,
    giftDelta: l.giftDelta,
    after: l.availableAfter,
    refType: l.refType,
    refId: l.refId,
    refNo: l.refNo,
    autoRenewal: l.autoRenewal,
    note: l.note,
  });
  const chartRows = recent.map(view);
  const rows = page.map(view);
  const cards = [
    ["available", balance.available, t("availableHint")],
    ["cash", balance.cash, t("cashHint")],
    ["gift", balance.gift, t("giftHint")],
  ] as const;

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-3">
        {cards.map(([k, v, hint]) => (
          <Card key={k} className={cn(k === "available" && "border-primary/30 bg-primary/5")}>
            <CardHeader>
              <CardDescription>{t(k)}</CardDescription>
              <CardTitle
                className={cn("text-2xl tabular-nums", v.startsWith("-") && "text-destructive")}
                data-testid={`balance-${k}`}
              >
                {formatCNY(v)}
              </CardTitle>
              <p className="text-xs text-muted-foreground">{hint}</p>
            </CardHeader>
          </Card>
        ))}
      </div>
      {chartRows.length >= 2 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("chartTitle")}</CardTitle>
            <CardDescription>{t("chartDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <BalanceChart rows={chartRows} />
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{tv("title")}</CardTitle>
          <CardDescription>{tv("customerDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <VoucherTabs vouchers={vouchers.map((v) => voucherJson(v, at))} />
        </CardContent>
      </Card>
      <TableCard
        title={t("ledger")}
        description={t("ledgerDescription")}
        isEmpty={any === 0}
        empty={{ icon: <ReceiptText className="size-8" />, title: t("emptyTitle"), description: t("emptyDescription") }}
      >
        <div className="grid min-w-0 grid-cols-1 gap-4" id="ledger">
          <FilterForm path="/balance" params={params} csvHref={listHref("/balance/ledger.csv", sp, { page: null })} />
          <LedgerTable rows={rows} />
          <Pagination path="/balance" searchParams={sp} page={params.page} pageSize={params.pageSize} total={total} />
        </div>
      </TableCard>
    </div>
  );
}
