import { getLocale, getTranslations } from "next-intl/server";
import { addDays } from "@/lib/billing/calendar";
import { cn } from "@/lib/utils";
import type { MonthUsage } from "@/lib/wire";
import type { UsageMetric } from "./usage-card";

const SLOT = 10;
const H = 100;
const n = (v: number) => v.toLocaleString("en-US");

/**
 * The smallest 1 / 2 / 2.5 / 5 × 10^k at or above v (at least 10), so
 * the top axis label reads round; callers add headroom.
 */
function niceCeil(v: number): number {
  if (v <= 10) return 10;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/**
 * The month's days as three small multiples (DAU, groups, live groups) in plain SVG, one column per
 * day of the whole month so the chart also shows how far the month has gone. The free quota is drawn
 * dashed for DAU and groups, the live-group limit dashed red. Numbers here only place pixels.
 */
export async function UsageCharts({ usage, liveGroupLimit }: { usage: MonthUsage; liveGroupLimit: number }) {
  const t = await getTranslations("usage");
  const compact = new Intl.NumberFormat(await getLocale(), { notation: "compact", maximumFractionDigits: 1 });
  const [y, m] = usage.month.split("-").map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = `${usage.month}-01`;
  const last = addDays(first, daysInMonth - 1);
  const mid = addDays(first, Math.floor((daysInMonth - 1) / 2));
  const charts: { metric: UsageMetric; peak: number; line: number | null; kind: "free" | "limit" }[] = [
    { metric: "dau", peak: usage.peaks.dau, line: usage.free.dau, kind: "free" },
    { metric: "groups", peak: usage.peaks.groups, line: usage.free.peakGroups, kind: "free" },
    {
      metric: "liveGroups",
      peak: usage.peaks.liveGroups,
      line: liveGroupLimit < 0 ? null : liveGroupLimit,
      kind: "limit",
    },
  ];
  const W = daysInMonth * SLOT;

  return (
    <section className="grid gap-3" aria-labelledby="usage-chart-title">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id="usage-chart-title" className="text-sm font-medium">
          {t("chart.title")}
        </h3>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="w-4 border-t-2 border-dashed border-muted-foreground" />
            {t("chart.legendFree")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="size-2.5 rounded-sm bg-warning" />
            {t("chart.legendOver")}
          </span>
          {liveGroupLimit >= 0 && (
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden className="w-4 border-t-2 border-dashed border-destructive/70" />
              {t("chart.legendLimit")}
            </span>
          )}
        </p>
      </div>
      <div className="grid gap-x-6 gap-y-5 md:grid-cols-3">
        {charts.map((c) => {
          // 10% headroom keeps the dashed line and the tallest bar off the top edge.
          const top = niceCeil(Math.max(c.peak, c.line ?? 0) * 1.1);
          const yOf = (v: number) => H - (v / top) * H;
          return (
            <figure key={c.metric} className="grid min-w-0 gap-1.5" data-testid={`usage-chart-${c.metric}`}>
              <figcaption className="flex items-baseline justify-between gap-2 text-xs">
                <span className="font-medium text-foreground">{t(`short.${c.metric}`)}</span>
                <span className="tabular-nums text-muted-foreground">{t("chart.peak", { value: n(c.peak) })}</span>
              </figcaption>
              <div className="flex gap-2">
                <div
                  aria-hidden
                  className={
                    "flex w-9 shrink-0 flex-col justify-between text-right " +
                    "text-[11px] leading-none tabular-nums text-muted-foreground"
                  }
                >
                  <span>{compact.format(top)}</span>
                  <span>{compact.format(top / 2)}</span>
                  <span>0</span>
                </div>
                <div className="relative h-28 min-w-0 flex-1">
                  <svg
                    viewBox={`0 0 ${W} ${H}`}
                    preserveAspectRatio="none"
                    className={
                      "absolute inset-0 size-full overflow-visible rounded-sm border-b border-border bg-muted/20"
                    }
                    role="img"
                    aria-label={t("chart.label", {
                      metric: t(`short.${c.metric}`),
                      from: first,
                      to: usage.today.date,
                      peak: n(c.peak),
                    })}
                  >
                    <line
                      x1={0}
                      x2={W}
                      y1={H / 2}
                      y2={H / 2}
                      className="stroke-border"
                      vectorEffect="non-scaling-stroke"
                    />
                    <line x1={0} x2={W} y1={0} y2={0} className="stroke-border" vectorEffect="non-scaling-stroke" />
                    {usage.days.map((d, i) => {
                      const v = d[c.metric];
                      if (v <= 0) return null;
                      const over = c.line !== null && (c.kind === "free" ? v > c.line : v >= c.line);
                      return (
                        <rect
                          key={d.date}
                          x={i * SLOT + 1.5}
                          width={SLOT - 3}
                          y={yOf(v)}
                          height={H - yOf(v)}
                          className={cn(
                            over ? (c.kind === "free" ? "fill-warning" : "fill-destructive") : "fill-primary",
                            d.date === usage.today.date ? "opacity-100" : "opacity-75",
                          )}
                        >
                          <title>{t("chart.day", { date: d.date, value: n(v) })}</title>
                        </rect>
                      );
                    })}
                    {c.line !== null && (
                      <line
                        x1={0}
                        x2={W}
                        y1={yOf(c.line)}
                        y2={yOf(c.line)}
                        className={c.kind === "free" ? "stroke-muted-foreground" : "stroke-destructive/70"}
                        strokeWidth={1.5}
                        strokeDasharray="5 4"
                        vectorEffect="non-scaling-stroke"
                      />
                    )}
                  </svg>
                  {c.line !== null && (
                    <span
                      aria-hidden
                      className={cn(
                        "absolute right-1 rounded bg-card/85 px-1 text-[11px] leading-4 tabular-nums",
                        yOf(c.line) < H * 0.2 ? "mt-0.5" : "-translate-y-full",
                        c.kind === "free" ? "text-muted-foreground" : "text-destructive",
                      )}
                      style={{ top: `${((yOf(c.line) / H) * 100).toFixed(1)}%` }}
                    >
                      {t(c.kind === "free" ? "chart.freeLine" : "chart.limitLine", { value: n(c.line) })}
                    </span>
                  )}
                </div>
              </div>
              <div aria-hidden className="flex justify-between pl-11 text-[11px] tabular-nums text-muted-foreground">
                <span>{first.slice(5)}</span>
                <span>{mid.slice(5)}</span>
                <span>{last.slice(5)}</span>
              </div>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
