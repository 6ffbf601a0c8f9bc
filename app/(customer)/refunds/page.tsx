import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "@/lib/auth/session";
import { isGone } from "@/lib/billing/apps";
import { getAccount } from "@/lib/services/accounts";
import { appsJson, listApps } from "@/lib/services/apps";
import { countRefunds, listRefunds } from "@/lib/services/refund";
import { FilterForm } from "@/components/list/filter-form";
import { Pagination } from "@/components/list/pagination";
import { listHref, parseListParams, type SearchParams } from "@/components/list/params";
import { RefundHistory } from "@/components/refunds/history-table";
import { RefundRequestForm, type RefundableApp } from "@/components/refunds/request-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { accountJson, refundJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refunds"))("title") };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function RefundsPage({ searchParams }: Props) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("refunds");
  const sp = await searchParams;
  const params = parseListParams(sp, { pageSize: 20 });
  const filter = { accountId: actor.accountId, q: params.q, ...params.range };
  const [rows, refunds, total, any, account] = await Promise.all([
    listApps(actor.accountId),
    listRefunds({ ...filter, limit: params.pageSize, offset: params.offset }),
    countRefunds(filter),
    countRefunds({ accountId: actor.accountId }),
    getAccount(actor.accountId),
  ]);
  const all = await appsJson(rows);
  const apps: RefundableApp[] = all
    .filter((a) => a.edition !== "trial" && !isGone(a.status))
    .map((a) => ({
      sdkAppId: a.sdkAppId,
      name: a.name,
      edition: a.edition,
      status: a.status,
      packs: a.packs.filter((p) => p.billing === "prepaid").map((p) => p.pack),
    }));
  const appNames = Object.fromEntries(all.map((a) => [String(a.sdkAppId), a.name]));

  const raw = sp.app;
  const asked = typeof raw === "string" ? apps.find((a) => String(a.sdkAppId) === raw) : undefined;
  const other =
    typeof raw === "string" && raw !== "" && !asked ? all.find((a) => String(a.sdkAppId) === raw) : undefined;
  const askedMissing = typeof raw === "string" && raw !== "" && !asked;

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {askedMissing && (
        <Alert variant="warning">
          <AlertDescription>
            <p>
              {other
                ? t(other.edition === "trial" ? "appTrial" : "appGone", { name: other.name, sdkAppId: other.sdkAppId })
                : t("appNotFound", { id: String(raw) })}
            </p>
          </AlertDescription>
        </Alert>
      )}
      <RefundRequestForm
        apps={apps}
        initialApp={asked?.sdkAppId ?? apps[0]?.sdkAppId ?? null}
        fiveDayUsed={accountJson(account).fiveDayRefundUsed}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("history.title")}</CardTitle>
          <CardDescription>{t("history.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <div className="grid gap-4" id="history">
            {any > 0 && (
              <FilterForm
                path="/refunds"
                params={params}
                search
                csvHref={listHref("/refunds/export.csv", sp, { page: null, app: null })}
              />
            )}
            <RefundHistory refunds={refunds.map(refundJson)} appNames={appNames} />
            {any > 0 && (
              <Pagination
                path="/refunds"
                searchParams={sp}
                page={params.page}
                pageSize={params.pageSize}
                total={total}
              />
            )}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
