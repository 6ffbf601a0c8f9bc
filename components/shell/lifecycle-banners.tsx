import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle, CircleAlert } from "lucide-react";
import { now } from "@/lib/clock";
import { formatExpiryDay, formatDay } from "@/lib/format";
import { lifecycleSummary } from "@/lib/services/apps";
import { autoRenewNotice } from "@/lib/services/auto-renew-notice";
import { formatCNY } from "@/lib/format";
import { toMoneyString } from "@/lib/money";
import { Alert, AlertDescription } from "@/components/ui/alert";

/**
 * The banners of SPEC §7 at the top of every customer page: amber in the 7 days before expiry and
 * while a refunded app is disabling; red once expired (grace) and while suspended.
 */
export async function LifecycleBanners({ accountId }: { accountId: string }) {
  const s = await lifecycleSummary(accountId, await now());
  const t = await getTranslations("banners");
  const format = await getFormatter();
  // "A、B和C" in Chinese, "A, B, and C" in English (ICU list patterns).
  const names = (apps: { name: string }[]) =>
    format.list(
      apps.map((a) => a.name),
      { type: "conjunction" },
    );
  const tt = await getTranslations("term");
  // R-BUY-9: apps auto-renew will renew say so, with the engine's own quote (three statements for all of them).
  const notice = await autoRenewNotice(accountId, s.expiring);
  const renewing = new Set(notice?.renewals.map((r) => r.sdkAppId));
  const expiring = s.expiring.filter((a) => !renewing.has(a.sdkAppId));
  const items: {
    key: string;
    tone: "warning" | "destructive";
    text: string;
    extra?: string;
    link?: { href: string; label: string };
  }[] = [];
  if (s.suspended.length)
    items.push({
      key: "suspended",
      tone: "destructive",
      text: t("suspended", { count: s.suspended.length, names: names(s.suspended) }),
    });
  if (s.grace.length) {
    const first = s.grace[0]!;
    items.push({
      key: "grace",
      tone: "destructive",
      text: t("grace", { count: s.grace.length, names: names(s.grace), day: formatDay(first.suspendAt) }),
    });
  }
  if (s.disabling.length) {
    const first = s.disabling[0]!;
    items.push({
      key: "disabling",
      tone: "warning",
      text: t("disabling", {
        count: s.disabling.length,
        names: names(s.disabling),
        day: formatDay(first.disablingUntil),
      }),
    });
  }
  if (notice) {
    const first = notice.renewals[0]!;
    const day = formatExpiryDay(first.expiresAt);
    const amount = formatCNY(toMoneyString(notice.total));
    const text =
      notice.renewals.length === 1
        ? tt("autoRenewOne", { name: first.name, day, amount })
        : tt("autoRenewMany", { count: notice.renewals.length, day, amount, names: names(notice.renewals) });
    const short = notice.shortfall.gt(0);
    items.push({
      key: "auto-renew",
      tone: "warning",
      text,
      extra: short ? tt("autoRenewShort", { shortfall: formatCNY(toMoneyString(notice.shortfall)), day }) : undefined,
      link: short ? { href: "/balance", label: tt("topUp") } : { href: "/renewals", label: tt("manage") },
    });
  }
  if (expiring.length) {
    const first = expiring[0]!;
    items.push({
      key: "expiring",
      tone: "warning",
      text: t("expiring", { count: expiring.length, names: names(expiring), day: formatExpiryDay(first.expiresAt) }),
    });
  }
  if (items.length === 0) return null;
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-2 px-4 pt-4 md:px-6 print:hidden" data-testid="lifecycle-banners">
      {items.map((b) => (
        <Alert key={b.key} variant={b.tone} role="status" data-testid={`banner-${b.key}`}>
          {b.tone === "destructive" ? <CircleAlert /> : <AlertTriangle />}
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {b.text}
              {b.extra && (
                <strong className="ms-1 font-medium" data-testid="banner-shortfall">
                  {b.extra}
                </strong>
              )}
            </span>
            <Link href={b.link?.href ?? "/renewals"} className="font-medium underline underline-offset-4">
              {b.link?.label ?? t("renew")}
            </Link>
          </AlertDescription>
        </Alert>
      ))}
    </div>
  );
}
