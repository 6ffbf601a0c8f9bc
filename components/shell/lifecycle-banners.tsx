import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AlertTriangle, CircleAlert } from "lucide-react";
import { now } from "@/lib/clock";
import { formatExpiryDay, formatDay } from "@/lib/format";
import { lifecycleSummary } from "@/lib/services/apps";
import { Alert, AlertDescription } from "@/components/ui/alert";

/**
 * The banners of SPEC §7 at the top of every customer page: amber in the 7 days before expiry and
 * while a refunded app is disabling; red once expired (grace) and while suspended.
 */
export async function LifecycleBanners({ accountId }: { accountId: string }) {
  const s = await lifecycleSummary(accountId, await now());
  const t = await getTranslations("banners");
  const items: { key: string; tone: "warning" | "destructive"; text: string }[] = [];
  if (s.suspended.length) items.push({ key: "suspended", tone: "destructive", text: t("suspended", { count: s.suspended.length, names: s.suspended.map((a) => a.name).join("、") }) });
  if (s.grace.length) {
    const first = s.grace[0]!;
    items.push({ key: "grace", tone: "destructive", text: t("grace", { count: s.grace.length, names: s.grace.map((a) => a.name).join("、"), day: formatDay(first.suspendAt) }) });
  }
  if (s.disabling.length) {
    const first = s.disabling[0]!;
    items.push({ key: "disabling", tone: "warning", text: t("disabling", { count: s.disabling.length, names: s.disabling.map((a) => a.name).join("、"), day: formatDay(first.disablingUntil) }) });
  }
  if (s.expiring.length) {
    const first = s.expiring[0]!;
    items.push({ key: "expiring", tone: "warning", text: t("expiring", { count: s.expiring.length, names: s.expiring.map((a) => a.name).join("、"), day: formatExpiryDay(first.expiresAt) }) });
  }
  if (items.length === 0) return null;
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-2 px-4 pt-4 md:px-6 print:hidden" data-testid="lifecycle-banners">
      {items.map((b) => (
        <Alert key={b.key} variant={b.tone} role="status">
          {b.tone === "destructive" ? <CircleAlert /> : <AlertTriangle />}
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>{b.text}</span>
            <Link href="/renewals" className="font-medium underline underline-offset-4">{t("renew")}</Link>
          </AlertDescription>
        </Alert>
      ))}
    </div>
  );
}
