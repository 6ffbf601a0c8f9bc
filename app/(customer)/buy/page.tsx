import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "@/lib/auth/session";
import { buyBlock, canBuyFor, hasValidTerm } from "@/lib/billing/apps";
import { currentPriceBook } from "@/lib/billing/price-book";
import { now } from "@/lib/clock";
import { appsJson, listApps } from "@/lib/services/apps";
import { listVouchers } from "@/lib/services/vouchers";
import { BuyForm } from "@/components/buy/buy-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { voucherJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("buy"))("title") };
}

type Props = { searchParams: Promise<{ app?: string | string[] }> };

export default async function BuyPage({ searchParams }: Props) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("buy");
  const at = await now();
  const [rows, voucherRows] = await Promise.all([listApps(actor.accountId), listVouchers(actor.accountId)]);
  const all = await appsJson(rows);
  const apps = all
    .filter((a) => canBuyFor(a.status))
    .map((a) => ({
      ...a,
      validTerm: hasValidTerm(rows.find((r) => r.sdkAppId === a.sdkAppId)!, at),
    }));
  const vouchers = voucherRows.map((v) => voucherJson(v, at)).filter((v) => v.state === "available");

  const raw = (await searchParams).app;
  const asked = typeof raw === "string" && /^\d{10}$/.test(raw) ? Number(raw) : null;
  const blocked = asked !== null ? all.find((a) => a.sdkAppId === asked && !canBuyFor(a.status)) : undefined;
  const unknown = typeof raw === "string" && raw !== "" && !all.some((a) => String(a.sdkAppId) === raw);

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {blocked && (
        <Alert variant="warning">
          <AlertDescription>
            <p>
              {t(buyBlock(blocked.status) === "app_stopped" ? "app.blockedStopped" : "app.blockedReclaimed", {
                name: blocked.name,
                sdkAppId: blocked.sdkAppId,
              })}
            </p>
            <Link href={`/apps/${blocked.sdkAppId}`} className="font-medium text-primary hover:underline">
              {t("app.openApp")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      {unknown && (
        <Alert variant="warning">
          <AlertDescription>{t("app.notFound", { id: raw })}</AlertDescription>
        </Alert>
      )}
      <BuyForm
        apps={apps}
        book={currentPriceBook()}
        vouchers={vouchers}
        initialApp={apps.some((a) => a.sdkAppId === asked) ? asked : null}
        role={actor.role}
      />
    </div>
  );
}
