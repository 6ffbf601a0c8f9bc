import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, Repeat } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { hasValidTerm } from "@/lib/billing/apps";
import { currentPriceBook, isPaidEdition } from "@/lib/billing/price-book";
import { now } from "@/lib/clock";
import { appsJson, listApps } from "@/lib/services/apps";
import { formatExpiryDay } from "@/lib/format";
import { ChangeForm } from "@/components/change/change-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { quoteOrderAction } from "../orders/actions";
import type { AppJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("change"))("title") };
}

type Props = { searchParams: Promise<{ app?: string | string[] }> };

export default async function ChangePage({ searchParams }: Props) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("change");
  const te = await getTranslations("edition");
  const at = await now();
  const all = await appsJson(await listApps(actor.accountId));
  const validTerm = (a: AppJson) =>
    hasValidTerm({ edition: a.edition, status: a.status, expiresAt: a.expiresAt ? new Date(a.expiresAt) : null }, at);
  const raw = (await searchParams).app;
  const app = typeof raw === "string" ? all.find((a) => String(a.sdkAppId) === raw) : undefined;

  const header = <PageHeader title={t("title")} description={t("description")} />;
  const blocked = (title: string, body: string, action?: { href: string; label: string }) => (
    <div className="grid grid-cols-1 gap-6">
      {header}
      <Alert variant="warning" data-testid="change-blocked">
        <AlertTitle>{title}</AlertTitle>
        <AlertDescription>
          <p>{body}</p>
          {action && (
            <Link href={action.href} className="font-medium text-primary hover:underline">
              {action.label}
            </Link>
          )}
        </AlertDescription>
      </Alert>
    </div>
  );

  if (!app) {
    const candidates = all.filter(validTerm);
    return (
      <div className="grid grid-cols-1 gap-6">
        {header}
        {typeof raw === "string" && raw !== "" && (
          <Alert variant="warning">
            <AlertDescription>
              <p>{t("notFound", { id: raw })}</p>
            </AlertDescription>
          </Alert>
        )}
        {candidates.length === 0 ? (
          <EmptyState
            icon={<Repeat className="size-6" />}
            title={t("pick.emptyTitle")}
            description={t("pick.emptyDescription")}
            action={
              <Button asChild variant="outline">
                <Link href="/buy">{t("pick.buy")}</Link>
              </Button>
            }
          />
        ) : (
          <section aria-labelledby="change-pick" className="grid gap-3">
            <h2 id="change-pick" className="font-semibold">
              {t("pick.title")}
            </h2>
            <ul className="grid gap-2 sm:grid-cols-2">
              {candidates.map((a) => (
                <li key={a.sdkAppId}>
                  <Link
                    href={`/change?app=${a.sdkAppId}`}
                    className="grid gap-0.5 rounded-lg border p-3 hover:bg-accent/50"
                  >
                    <span className="font-medium">{a.name}</span>
                    <span className="text-sm text-muted-foreground">
                      {t("pick.item", {
                        sdkAppId: a.sdkAppId,
                        edition: te(a.edition),
                        day: formatExpiryDay(a.expiresAt),
                      })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    );
  }

  if (app.edition === "trial" || !isPaidEdition(app.edition)) {
    return blocked(t("blocked.title"), t("blocked.trial", { name: app.name, sdkAppId: app.sdkAppId }), {
      href: `/buy?app=${app.sdkAppId}`,
      label: t("blocked.buy"),
    });
  }
  if (!validTerm(app)) {
    return blocked(t("blocked.title"), t("blocked.noTerm", { name: app.name, sdkAppId: app.sdkAppId }), {
      href: `/renewals?app=${app.sdkAppId}`,
      label: t("blocked.renew"),
    });
  }
  // The server says up front whether this plan can be changed here at
  // all (campaign not refundable, a refund in review...).
  const probe = await quoteOrderAction("change", {
    sdkAppId: app.sdkAppId,
    edition: app.edition,
    months: 1,
    packs: [],
  });
  if (!probe.ok)
    return blocked(t("blocked.title"), probe.error.message, {
      href: `/apps/${app.sdkAppId}`,
      label: t("blocked.openApp"),
    });

  return (
    <div className="grid grid-cols-1 gap-6">
      <Link
        href={`/apps/${app.sdkAppId}`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" />
        {app.name}
      </Link>
      {header}
      <ChangeForm
        app={{
          sdkAppId: app.sdkAppId,
          name: app.name,
          edition: app.edition,
          expiresAt: app.expiresAt!,
          packs: app.packs,
        }}
        book={currentPriceBook()}
      />
    </div>
  );
}
