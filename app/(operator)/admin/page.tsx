import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listAccounts } from "@/lib/services/accounts";
import { readClock } from "@/lib/services/test-clock";
import { platformAppCounts } from "@/lib/services/apps";
import { listRefunds } from "@/lib/services/refund";
import { statusVariant } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("overviewTitle") };
}

export default async function AdminOverview() {
  await requireOperator();
  const t = await getTranslations("admin");
  const tl = await getTranslations("operatorWords");
  const tn = await getTranslations("nav");
  const [accounts, clock, pending, appCounts] = await Promise.all([
    listAccounts(),
    readClock(),
    listRefunds({ status: "pending_review", limit: 500 }),
    platformAppCounts(),
  ]);
  const ts = await getTranslations("status");
  const unverified = accounts.filter((a) => !a.verified).length;
  return (
    <div className="grid gap-6">
      <PageHeader title={t("overviewTitle")} description={t("overviewDescription")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <CardHeader>
            <CardDescription>{t("accountsCount")}</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{accounts.length}</CardTitle>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/accounts">{tn("accounts")}</Link>
            </Button>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>{t("unverifiedCount")}</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{unverified}</CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>{t("pendingReviews")}</CardDescription>
            <CardTitle className="text-3xl tabular-nums" data-testid="pending-reviews">
              {pending.length}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/refunds">{tn("refundReview")}</Link>
            </Button>
          </CardContent>
        </Card>
        <Card className="sm:col-span-2">
          <CardHeader>
            <CardDescription>{t("appsByStatus")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            {(["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed"] as const).map((s) => (
              <Badge key={s} variant={statusVariant(s)}>
                {ts(s)} {appCounts[s]}
              </Badge>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>
              {t("clockNow")} · {tl(`clockMode.${clock.mode}`)}
            </CardDescription>
            <CardTitle className="text-xl tabular-nums" data-testid="clock-now">
              {formatDateTime(clock.now)}
            </CardTitle>
          </CardHeader>
          {clock.mode === "test" && (
            <CardContent>
              <Button asChild variant="outline" size="sm">
                <Link href="/admin/clock">{tn("clock")}</Link>
              </Button>
            </CardContent>
          )}
        </Card>
      </div>
    </div>
  );
}
