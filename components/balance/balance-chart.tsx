import { getTranslations } from "next-intl/server";
import { formatCNY, formatDay } from "@/lib/format";
import type { LedgerRowView } from "./types";

const W = 600;
const H = 160;
const PAD = 6;

/**
 * The available balance after each ledger row, oldest first, as a plain SVG line (no chart
 * library). One step per row, so rows booked at the same instant stay visible.
 * Numbers here only place pixels; every amount shown is the server's string.
 */
export async function BalanceChart({ rows }: { rows: LedgerRowView[] }) {
  const t = await getTranslations("balance");
  const points = [...rows].reverse();
  const values = points.map((p) => Number(p.after));
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (points.length - 1);
  const y = (v: number) => PAD + ((hi - v) * (H - 2 * PAD)) / span;
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const area = `${x(0).toFixed(1)},${y(lo).toFixed(1)} ${line} ${x(values.length - 1).toFixed(1)},${y(lo).toFixed(1)}`;
  const maxRow = points[values.indexOf(hi)]!;
  const minRow = points[values.indexOf(Math.min(...values))]!;
  const first = points[0]!;
  const last = points[points.length - 1]!;

  return (
    <figure className="grid gap-2" data-testid="balance-chart">
      <div className="flex min-w-0 gap-3">
        <div
          className={
            "flex w-24 shrink-0 flex-col justify-between text-right text-xs tabular-nums text-muted-foreground"
          }
        >
          <span>{formatCNY(maxRow.after)}</span>
          <span>{lo < 0 ? formatCNY(minRow.after) : formatCNY("0")}</span>
        </div>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          className="h-40 w-full min-w-0 flex-1 overflow-visible rounded-md border bg-muted/20 text-primary"
          role="img"
          aria-label={t("chartLabel", {
            from: formatDay(first.at),
            to: formatDay(last.at),
            amount: formatCNY(last.after),
          })}
        >
          {lo < 0 && (
            <line
              x1={0}
              x2={W}
              y1={y(0)}
              y2={y(0)}
              stroke="currentColor"
              strokeOpacity={0.3}
              strokeDasharray="4 4"
              vectorEffect="non-scaling-stroke"
            />
          )}
          <polygon points={area} fill="currentColor" fillOpacity={0.08} />
          <polyline
            points={line}
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
      </div>
      <figcaption className="flex justify-between pl-27 text-xs text-muted-foreground">
        <span>{formatDay(first.at)}</span>
        <span>{t("chartCaption", { count: points.length })}</span>
        <span>{formatDay(last.at)}</span>
      </figcaption>
    </figure>
  );
}
