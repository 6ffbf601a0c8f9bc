import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CalendarClock } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { isRenewable } from "@/lib/billing/apps";
import { daysBetween, expiryDay, shanghaiDay } from "@/lib/billing/calendar";
import { now } from "@/lib/clock";
import { appsJson, listApps } from "@/lib/services/apps";
import { termView } from "@/lib/billing/term";
import { listVouchers } from "@/lib/services/vouchers";
import { RenewalsTable } from "@/components/renewals/renewals-table";
import type { RenewalRow, VoucherOption } from "@/components/renewals/types";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { voucherJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("renewals"))("title") };
}

type Props = { searchParams: Promise<{ app?: string | string[] }> };

export default async function RenewalsPage({ searchParams }: Props) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("renewals");
  const at = await now();
  const [apps, vouchers] = await Promise.all([listApps(actor.accountId), listVouchers(actor.accountId)]);
  const paid = apps.filter(isRenewable);
  const today = shanghaiDay(at);
  const rowOf = new Map(paid.map((a) => [a.sdkAppId, a]));
  const rows: RenewalRow[] = (await appsJson(paid)).map((a) => {
    const day = expiryDay(rowOf.get(a.sdkAppId)!.expiresAt!);
    return {
      sdkAppId: a.sdkAppId,
      name: a.name,
      edition: a.edition as RenewalRow["edition"],
      status: a.status,
      expiryDay: day,
      daysLeft: daysBetween(today, day),
      autoRenew: a.autoRenew,
      dontRenew: a.dontRenew,
      packs: a.packs.map((p) => ({ pack: p.pack, tier: p.tier })),
      term: termView(rowOf.get(a.sdkAppId)!, at),
    };
  });
  const available: VoucherOption[] = vouchers
    .map((v) => voucherJson(v, at))
    .filter((v) => v.state === "available")
    .map((v) => ({ id: v.id, amount: v.amount, minTotal: v.minTotal, expiresAt: v.expiresAt }));

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {rows.length === 0 ? (
        <EmptyState
          icon={<CalendarClock className="size-8" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          action={
            <Button asChild>
              <Link href="/buy">{t("emptyAction")}</Link>
            </Button>
          }
        />
      ) : (
        <RenewalsTable
          rows={rows}
          vouchers={available}
          today={today}
          openFor={Number((await searchParams).app) || null}
        />
      )}
    </div>
  );
}
