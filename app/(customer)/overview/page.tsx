import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AlertTriangle, BadgeCheck, CircleCheck, ShieldAlert } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { APP_CAP, nearCap, type AppStatus } from "@/lib/billing/apps";
import { formatCNY, formatDateTime, formatExpiryDay } from "@/lib/format";
import { latestBill, renewalsDue, spendByMonth, unreadSummary } from "@/lib/services/overview";
import { SpendChart } from "@/components/overview/spend-chart";
import { BillStatusBadge } from "@/components/bills/status-badge";
import { getAccount } from "@/lib/services/accounts";
import { countApps, expiringApps } from "@/lib/services/apps";
import { now } from "@/lib/clock";
import { statusVariant } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { accountJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

const SHOWN: AppStatus[] = ["enabled", "grace", "disabling", "suspended", "stopped"];

export default async function OverviewPage() {
  const { actor } = await requireCustomer();
  const at = await now();
  // A constant number of statements whatever the number of apps (no per-app queries).
  const [account, counts, expiring, spend, renewals, bill, unread] = await Promise.all([
    getAccount(actor.accountId).then(accountJson),
    countApps(actor.accountId),
    expiringApps(actor.accountId, at),
    spendByMonth(actor.accountId, at, 12),
    renewalsDue(actor.accountId, at, 30),
    latestBill(actor.accountId),
    unreadSummary(actor.accountId),
  ]);
  const t = await getTranslations("overview");
  const tm = await getTranslations("overviewMore");
  const tk = await getTranslations("notificationKind");
  const ts = await getTranslations("status");

  const attention: { key: string; tone: "destructive" | "warning"; text: string; href?: string; action?: string }[] =
    [];
  if (account.inArrears)
    attention.push({
      key: "arrears",
      tone: "destructive",
      text: t("arrears", { amount: formatCNY(account.balance.available) }),
    });
  if (!account.verified) attention.push({ key: "verify", tone: "warning", text: t("unverifiedHint") });
  if (counts.suspended > 0)
    attention.push({
      key: "suspended",
      tone: "destructive",
      text: t("suspendedApps", { count: counts.suspended }),
      href: "/apps",
    });
  if (counts.grace > 0)
    attention.push({
      key: "grace",
      tone: "destructive",
      text: t("graceApps", { count: counts.grace }),
      href: "/renewals",
      action: t("renewNow"),
    });
  if (counts.disabling > 0)
    attention.push({
      key: "disabling",
      tone: "warning",
      text: t("disablingApps", { count: counts.disabling }),
      href: "/renewals",
      action: t("renewNow"),
    });
  for (const a of expiring)
    attention.push({
      key: `exp-${a.sdkAppId}`,
      tone: "warning",
      text: t("expiringApp", { name: a.name, id: a.sdkAppId, day: formatExpiryDay(a.expiresAt) }),
      href: `/renewals?app=${a.sdkAppId}`,
      action: t("renewNow"),
    });
  if (counts.stopped > 0)
    attention.push({
      key: "stopped",
      tone: "warning",
      text: t("stoppedApps", { count: counts.stopped }),
      href: "/apps",
    });
  if (nearCap(counts.counted))
    attention.push({
      key: "cap",
      tone: "warning",
      text: t("nearCap", { count: counts.counted, cap: APP_CAP }),
      href: "/apps",
    });

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 md:grid-cols-3">
        <Card data-testid="balance-card">
          <CardHeader>
            <CardDescription>{t("available")}</CardDescription>
            <CardTitle
              className={`text-3xl tabular-nums ${account.inArrears ? "text-destructive" : ""}`}
              data-testid="balance-available"
            >
              {formatCNY(account.balance.available)}
            </CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-2 gap-2 text-sm">
            <div>
              <div className="text-muted-foreground">{t("cash")}</div>
              <div className="font-medium tabular-nums" data-testid="balance-cash">
                {formatCNY(account.balance.cash)}
              </div>
            </div>
            <div>
              <div className="text-muted-foreground">{t("gift")}</div>
              <div className="font-medium tabular-nums" data-testid="balance-gift">
                {formatCNY(account.balance.gift)}
              </div>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>{t("apps")}</CardDescription>
            <CardTitle className="text-3xl tabular-nums">
              {counts.counted}
              <span className="text-base font-normal text-muted-foreground"> / {APP_CAP}</span>
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2" aria-label={t("byStatus")}>
            {SHOWN.filter((s) => counts[s] > 0).map((s) => (
              <Badge key={s} variant={statusVariant(s)}>
                {ts(s)} {counts[s]}
              </Badge>
            ))}
            {counts.counted === 0 && (
              <Button asChild size="sm">
                <Link href="/apps">{t("createFirst")}</Link>
              </Button>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>{t("verification")}</CardDescription>
            <CardTitle className="flex items-center gap-2 text-xl">
              {account.verified ? (
                <BadgeCheck className="size-5 text-success" />
              ) : (
                <ShieldAlert className="size-5 text-warning" />
              )}
              {account.verified ? t("verified") : t("unverified")}
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{account.name}</CardContent>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" data-testid="spend-card">
          <CardHeader>
            <CardTitle>{tm("spendTitle")}</CardTitle>
            <CardDescription>{tm("spendDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <SpendChart months={spend} />
          </CardContent>
        </Card>
        <div className="grid content-start gap-4">
          <Card data-testid="latest-bill-card">
            <CardHeader>
              <CardDescription>{tm("latestBill")}</CardDescription>
              {bill ? (
                <CardTitle className="flex flex-wrap items-center gap-2 text-xl tabular-nums">
                  {formatCNY(bill.total)} <BillStatusBadge status={bill.status} />
                </CardTitle>
              ) : (
                <CardTitle className="text-base font-normal text-muted-foreground">{tm("noBill")}</CardTitle>
              )}
            </CardHeader>
            <CardContent className="text-sm">
              {bill ? (
                <Link href={`/bills/${bill.id}`} className="text-primary hover:underline">
                  {tm("billOf", { month: bill.month })}
                </Link>
              ) : (
                <Link href="/bills" className="text-primary hover:underline">
                  {tm("aboutBills")}
                </Link>
              )}
            </CardContent>
          </Card>
          <Card data-testid="unread-card">
            <CardHeader>
              <CardDescription>{tm("unread")}</CardDescription>
              <CardTitle className="text-xl tabular-nums">{tm("unreadCount", { count: unread.count })}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-1 text-sm">
              {unread.latest.map((n) => (
                <div key={n.id} className="flex justify-between gap-2">
                  <span>{tk(n.kind)}</span>
                  <span className="shrink-0 text-muted-foreground tabular-nums">
                    {formatDateTime(n.createdAt).slice(5)}
                  </span>
                </div>
              ))}
              <Link
                href={unread.count > 0 ? "/notifications?unread=1" : "/notifications"}
                className="text-primary hover:underline"
              >
                {tm("toInbox")}
              </Link>
            </CardContent>
          </Card>
        </div>
      </div>
      <Card data-testid="renewals-due">
        <CardHeader>
          <CardTitle>{tm("renewalsTitle")}</CardTitle>
          <CardDescription>{tm("renewalsDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          {renewals.length === 0 ? (
            <p className="text-sm text-muted-foreground">{tm("noRenewals")}</p>
          ) : (
            <ul className="grid gap-2">
              {renewals.map((r) => (
                <li
                  key={r.sdkAppId}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm"
                >
                  <span className="min-w-0">
                    <Link href={`/apps/${r.sdkAppId}`} className="font-medium text-primary hover:underline">
                      {r.name}
                    </Link>
                    <span className="ml-2 font-mono text-xs text-muted-foreground">{r.sdkAppId}</span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge variant={statusVariant(r.status)}>{ts(r.status)}</Badge>
                    <span className="tabular-nums">{tm("expiresOn", { day: formatExpiryDay(r.expiresAt) })}</span>
                    <span className="text-muted-foreground">
                      {r.autoRenew ? tm("autoRenewOn") : r.dontRenew ? tm("dontRenew") : tm("manual")}
                    </span>
                    <Button asChild variant="outline" size="sm">
                      <Link href={`/renewals?app=${r.sdkAppId}`}>{t("renewNow")}</Link>
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("attention")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-2">
          {attention.length === 0 && (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <CircleCheck className="size-4 text-success" />
              {t("allGood")}
            </p>
          )}
          {attention.map((a) => (
            <div key={a.key} className="flex items-start justify-between gap-3 rounded-md border p-3 text-sm">
              <span className="flex items-start gap-2">
                <AlertTriangle
                  className={`mt-0.5 size-4 shrink-0 ${a.tone === "destructive" ? "text-destructive" : "text-warning"}`}
                />
                {a.text}
              </span>
              {a.href && (
                <Button asChild variant="outline" size="sm">
                  <Link href={a.href}>{a.action ?? t("viewApps")}</Link>
                </Button>
              )}
            </div>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
