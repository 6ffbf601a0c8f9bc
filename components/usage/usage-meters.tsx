import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";
import type { MonthUsage } from "@/lib/wire";
import type { UsageMetric } from "./usage-card";

const n = (v: number) => v.toLocaleString("en-US");

/** Today's figure and the month's peak of each metric against its free quota (or, for live groups, the limit). */
export async function UsageMeters({ usage, liveGroupLimit }: { usage: MonthUsage; liveGroupLimit: number }) {
  const t = await getTranslations("usage");
  const rows: { metric: UsageMetric; today: number; peak: number; cap: number; kind: "free" | "limit" }[] = [
    { metric: "dau", today: usage.today.dau, peak: usage.peaks.dau, cap: usage.free.dau, kind: "free" },
    { metric: "groups", today: usage.today.groups, peak: usage.peaks.groups, cap: usage.free.peakGroups, kind: "free" },
    {
      metric: "liveGroups",
      today: usage.today.liveGroups,
      peak: usage.peaks.liveGroups,
      cap: liveGroupLimit,
      kind: "limit",
    },
  ];
  return (
    <div className="grid gap-3 md:grid-cols-3">
      {rows.map((r) => {
        const unlimited = r.cap < 0;
        const over = !unlimited && (r.kind === "free" ? r.peak > r.cap : r.peak >= r.cap);
        const ratio = unlimited ? 0 : r.cap === 0 ? (r.peak > 0 ? 1 : 0) : Math.min(1, r.peak / r.cap);
        const capText = unlimited ? t("unlimited") : n(r.cap);
        const status =
          r.kind === "free"
            ? over
              ? t("overFree", { over: n(r.peak - r.cap) })
              : t("withinFree")
            : unlimited || !over
              ? t("withinLimit")
              : t("atLimit");
        return (
          <section
            key={r.metric}
            className="grid gap-3 rounded-lg border p-4"
            data-testid={`usage-${r.metric}`}
            aria-label={t(`metric.${r.metric}`)}
          >
            <div className="flex items-baseline justify-between gap-2">
              <h3 className="text-sm font-medium">{t(`metric.${r.metric}`)}</h3>
              <span className="text-xs text-muted-foreground">{t("today", { date: usage.today.date.slice(5) })}</span>
            </div>
            <p className="text-3xl font-semibold tabular-nums leading-none" data-testid={`usage-${r.metric}-today`}>
              {n(r.today)}
            </p>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-muted-foreground">{t("peak")}</dt>
                <dd className="font-medium tabular-nums" data-testid={`usage-${r.metric}-peak`}>
                  {n(r.peak)}
                </dd>
              </div>
              <div className="text-right">
                <dt className="text-xs text-muted-foreground">{r.kind === "free" ? t("free") : t("limit")}</dt>
                <dd className="font-medium tabular-nums">{capText}</dd>
              </div>
            </dl>
            <div
              role="meter"
              aria-label={t("meterLabel", {
                metric: t(`short.${r.metric}`),
                peak: n(r.peak),
                quota: `${r.kind === "free" ? t("free") : t("limit")} ${capText}`,
              })}
              aria-valuemin={0}
              aria-valuemax={unlimited ? undefined : r.cap}
              aria-valuenow={r.peak}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div
                className={cn(
                  "h-full rounded-full",
                  over ? (r.kind === "free" ? "bg-warning" : "bg-destructive") : "bg-primary",
                )}
                style={{ width: `${(ratio * 100).toFixed(1)}%` }}
              />
            </div>
            <p
              className={cn(
                "text-xs",
                over
                  ? r.kind === "free"
                    ? "font-medium text-warning-foreground"
                    : "font-medium text-destructive"
                  : "text-muted-foreground",
              )}
            >
              {status}
            </p>
          </section>
        );
      })}
    </div>
  );
}
