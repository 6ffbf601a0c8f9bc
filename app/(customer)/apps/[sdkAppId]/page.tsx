import { FactList } from "@/components/fact-list";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatDateTime, formatExpiryDay } from "@/lib/format";
import { activePacks, appEntitlements, appHistory, getApp, type AppRow } from "@/lib/services/apps";
import { canBuyFor, hasValidTerm, isGone, isRenewable } from "@/lib/billing/apps";
import { currentPriceBook } from "@/lib/billing/price-book";
import { LimitsCard } from "@/components/apps/limits-card";
import { UsageCard } from "@/components/usage/usage-card";
import { AppBillLines } from "@/components/bills/app-bill-lines";
import { monthToDate } from "@/lib/services/usage";
import { now } from "@/lib/clock";
import { Button } from "@/components/ui/button";
import { sdkAppIdSchema } from "@/lib/validation/apps";
import { eligibility } from "@/lib/billing/features";
import { timeline } from "@/lib/billing/timeline";
import { termView } from "@/lib/billing/term";
import { autoRenewNotice } from "@/lib/services/auto-renew-notice";
import { TermText } from "@/components/apps/term-text";
import { formatCNY } from "@/lib/format";
import { toMoneyString } from "@/lib/money";
import { applicationsOf } from "@/lib/services/features";
import { FeaturesCard } from "@/components/features/features-card";
import { AppTimeline } from "@/components/features/app-timeline";
import { AppActions } from "@/components/apps/app-actions";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { applicationJson } from "@/lib/wire";

type Props = { params: Promise<{ sdkAppId: string }> };

async function load(accountId: string, raw: string): Promise<AppRow> {
  const id = sdkAppIdSchema.safeParse(raw);
  if (!id.success) notFound();
  try {
    return await getApp(accountId, id.data);
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).sdkAppId };
}

export default async function AppPage({ params }: Props) {
  const { actor } = await requireCustomer();
  const app = await load(actor.accountId, (await params).sdkAppId);
  const at = await now();
  const [history, packs, limits, usage, applications, renewal] = await Promise.all([
    appHistory(app.id),
    activePacks([app.id], at),
    appEntitlements(actor.accountId, app.sdkAppId),
    monthToDate(actor, app.sdkAppId),
    applicationsOf([app.id]),
    autoRenewNotice(actor.accountId, [app]),
  ]);
  // R-BUY-9: the amount auto-renew will take at E, from the quote the engine itself uses.
  const renewalAmount = renewal ? toMoneyString(renewal.total) : null;
  const ineligible = eligibility(app, at);
  const appPacks = packs.get(app.id) ?? [];
  const buyable = canBuyFor(app.status);
  const hasTerm = hasValidTerm(app, at);
  const t = await getTranslations("app");
  const ta = await getTranslations("apps");
  const te = await getTranslations("edition");
  const tr = await getTranslations("reason");
  const ts = await getTranslations("status");
  const tc = await getTranslations("common");
  const tp = await getTranslations("packName");
  const tRefunds = await getTranslations("refunds");
  const tChange = await getTranslations("change");
  const tt = await getTranslations("term");

  const facts: [string, React.ReactNode][] = [
    [
      "SDKAppID",
      <span key="id" className="font-mono">
        {app.sdkAppId}
      </span>,
    ],
    [t("edition"), te(app.edition)],
    [t("status"), <StatusBadge key="s" status={app.status} />],
    [t("statusReason"), `${tr(app.statusReason)} · ${formatDateTime(app.statusChangedAt)}`],
    [t("createdAt"), formatDateTime(app.createdAt)],
    [t("expiresAt"), <TermText key="term" term={termView(app, at)} />],
    [
      t("autoRenew"),
      renewal ? (
        <span key="ar" data-testid="auto-renew-amount">
          {tt("autoRenewApp", { day: formatExpiryDay(app.expiresAt), amount: formatCNY(renewalAmount!) })}
          {renewal.shortfall.gt(0) && (
            <strong className="ms-1 font-medium text-warning-foreground">
              {tt("autoRenewAppShort", { shortfall: formatCNY(toMoneyString(renewal.shortfall)) })}
            </strong>
          )}
        </span>
      ) : app.autoRenew ? (
        tc("yes")
      ) : (
        tc("no")
      ),
    ],
  ];

  return (
    <div className="grid grid-cols-1 gap-6">
      <Link href="/apps" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" />
        {ta("title")}
      </Link>
      <PageHeader
        title={app.name}
        description={app.edition === "trial" ? t("trialNote") : `${te(app.edition)} · SDKAppID ${app.sdkAppId}`}
        actions={
          <div className="flex flex-wrap gap-2">
            {isRenewable(app) && (
              <Button asChild variant="outline">
                <Link href={`/renewals?app=${app.sdkAppId}`}>{t("renew")}</Link>
              </Button>
            )}
            {app.edition !== "trial" && !isGone(app.status) && (
              <Button asChild variant="outline">
                <Link href={`/refunds?app=${app.sdkAppId}`}>{tRefunds("appLink")}</Link>
              </Button>
            )}
            {hasTerm && (
              <Button asChild variant="outline">
                <Link href={`/change?app=${app.sdkAppId}`}>{tChange("appLink")}</Link>
              </Button>
            )}
            {buyable && (
              <Button asChild>
                <Link href={`/buy?app=${app.sdkAppId}`}>
                  {app.edition === "trial" || !hasTerm ? t("buyEdition") : t("addPack")}
                </Link>
              </Button>
            )}
            <AppActions sdkAppId={app.sdkAppId} name={app.name} status={app.status} />
          </div>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("overview")}</CardTitle>
        </CardHeader>
        <CardContent>
          <FactList
            facts={facts}
            itemClassName="flex justify-between gap-4 border-b pb-2 sm:grid sm:border-0 sm:pb-0"
          />
        </CardContent>
      </Card>
      {app.edition !== "trial" && (
        <AppTimeline
          events={timeline(app, applications, { renewalAmount })}
          now={at}
          stopped={app.status === "stopped"}
        />
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("packs")}</CardTitle>
        </CardHeader>
        <CardContent>
          {app.edition === "trial" ? (
            <p className="text-sm text-muted-foreground">{t("packsTrial")}</p>
          ) : appPacks.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("packsEmpty")}</p>
          ) : (
            <Table aria-label={t("packs")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("packs")}</TableHead>
                  <TableHead>{t("packTier")}</TableHead>
                  <TableHead>{t("packBilling")}</TableHead>
                  <TableHead>{t("packEnds")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {appPacks.map((p) => (
                  <TableRow key={p.pack}>
                    <TableCell>{tp.has(p.pack) ? tp(p.pack) : p.pack}</TableCell>
                    <TableCell>{p.tier ?? "—"}</TableCell>
                    <TableCell>{t(p.billing)}</TableCell>
                    <TableCell className="whitespace-nowrap">{formatExpiryDay(p.endsAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <FeaturesCard
        app={{ sdkAppId: app.sdkAppId, name: app.name }}
        applications={applications.map(applicationJson)}
        ineligible={ineligible.kind === "not_eligible" ? ineligible.reason : null}
        isOwner={actor.role === "owner"}
        upgradeHref={
          app.edition === "trial" ? `/buy?app=${app.sdkAppId}` : hasTerm ? `/change?app=${app.sdkAppId}` : null
        }
      />
      <LimitsCard now={limits} base={currentPriceBook().editions[app.edition].limits} />
      <UsageCard
        usage={usage}
        liveGroupLimit={limits.limits.liveGroups}
        trial={app.edition === "trial"}
        suspended={app.status === "suspended"}
      />
      <AppBillLines accountId={actor.accountId} appId={app.id} sdkAppId={app.sdkAppId} />
      <Card>
        <CardHeader>
          <CardTitle>{t("statusHistory")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table aria-label={t("statusHistory")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("historyAt")}</TableHead>
                <TableHead>{t("historyFrom")}</TableHead>
                <TableHead>{t("historyTo")}</TableHead>
                <TableHead>{t("historyReason")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((h) => (
                <TableRow key={h.id}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(h.at)}</TableCell>
                  <TableCell>{h.fromStatus ? ts(h.fromStatus) : "—"}</TableCell>
                  <TableCell>{ts(h.toStatus)}</TableCell>
                  <TableCell>{tr(h.reason)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
