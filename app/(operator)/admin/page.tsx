import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listAccounts } from "@/lib/services/accounts";
import { readClock } from "@/lib/services/clock";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("overviewTitle") };
}

export default async function AdminOverview() {
  await requireOperator();
  const t = await getTranslations("admin");
  const tn = await getTranslations("nav");
  const [accounts, clock] = await Promise.all([listAccounts(), readClock()]);
  const unverified = accounts.filter((a) => !a.verified).length;
  return (
    <div className="grid gap-6">
      <PageHeader title={t("overviewTitle")} description={t("overviewDescription")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <CardHeader><CardDescription>{t("accountsCount")}</CardDescription><CardTitle className="text-3xl tabular-nums">{accounts.length}</CardTitle></CardHeader>
          <CardContent><Button asChild variant="outline" size="sm"><Link href="/admin/accounts">{tn("accounts")}</Link></Button></CardContent>
        </Card>
        <Card>
          <CardHeader><CardDescription>{t("unverifiedCount")}</CardDescription><CardTitle className="text-3xl tabular-nums">{unverified}</CardTitle></CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>{t("clockNow")} · {clock.mode}</CardDescription>
            <CardTitle className="text-xl tabular-nums" data-testid="clock-now">{formatDateTime(clock.now)}</CardTitle>
          </CardHeader>
          {clock.mode === "test" && (
            <CardContent><Button asChild variant="outline" size="sm"><Link href="/admin/clock">{tn("clock")}</Link></Button></CardContent>
          )}
        </Card>
      </div>
    </div>
  );
}
