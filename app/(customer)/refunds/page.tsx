import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "@/lib/auth/session";
import { accountJson, getAccount } from "@/lib/services/accounts";
import { appsJson, listApps } from "@/lib/services/apps";
import { listRefunds } from "@/lib/services/refund";
import { refundJson } from "@/lib/services/refund-json";
import { RefundHistory } from "@/components/refunds/history-table";
import { RefundRequestForm, type RefundableApp } from "@/components/refunds/request-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refunds"))("title") };
}

type Props = { searchParams: Promise<{ app?: string | string[] }> };

export default async function RefundsPage({ searchParams }: Props) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("refunds");
  const [rows, refunds, account] = await Promise.all([listApps(actor.accountId), listRefunds({ accountId: actor.accountId }), getAccount(actor.accountId)]);
  const all = await appsJson(rows);
  const apps: RefundableApp[] = all
    .filter((a) => a.edition !== "trial" && a.status !== "reclaimed")
    .map((a) => ({ sdkAppId: a.sdkAppId, name: a.name, edition: a.edition, status: a.status, packs: a.packs.filter((p) => p.billing === "prepaid").map((p) => p.pack) }));
  const appNames = Object.fromEntries(all.map((a) => [String(a.sdkAppId), a.name]));

  const raw = (await searchParams).app;
  const asked = typeof raw === "string" ? apps.find((a) => String(a.sdkAppId) === raw) : undefined;
  const other = typeof raw === "string" && raw !== "" && !asked ? all.find((a) => String(a.sdkAppId) === raw) : undefined;
  const askedMissing = typeof raw === "string" && raw !== "" && !asked;

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {askedMissing && (
        <Alert variant="warning">
          <AlertDescription>
            <p>{other ? t(other.edition === "trial" ? "appTrial" : "appGone", { name: other.name, sdkAppId: other.sdkAppId }) : t("appNotFound", { id: String(raw) })}</p>
          </AlertDescription>
        </Alert>
      )}
      <RefundRequestForm apps={apps} initialApp={asked?.sdkAppId ?? apps[0]?.sdkAppId ?? null} fiveDayUsed={accountJson(account).fiveDayRefundUsed} />
      <Card>
        <CardHeader>
          <CardTitle>{t("history.title")}</CardTitle>
          <CardDescription>{t("history.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <RefundHistory refunds={refunds.map(refundJson)} appNames={appNames} />
        </CardContent>
      </Card>
    </div>
  );
}
