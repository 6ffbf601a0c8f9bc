import { getTranslations } from "next-intl/server";
import { formatCNY } from "@/lib/format";
import type { MonthSpend } from "@/lib/wire";

const W = 600;
const H = 140;

/**
 * Net spend per month as plain SVG bars (the approach of components/balance and components/usage:
 * no chart library). Numbers only place pixels; every amount shown is the server's string. The
 * table under the bars carries the same figures for screen readers and for reading exact amounts.
 */
export async function SpendChart({ months }: { months: MonthSpend[] }) {
  const t = await getTranslations("overviewMore");
  const values = months.map((m) => Math.max(0, Number(m.net)));
  const hi = Math.max(...values, 0);
  if (hi === 0)
    return (
      <p className="text-sm text-muted-foreground" data-testid="spend-empty">
        {t("spendEmpty")}
      </p>
    );
  const slot = W / months.length;
  const peak = months[values.indexOf(hi)]!;
  return (
    <figure className="grid gap-2" data-testid="spend-chart">
      <div className="flex gap-3">
        <div
          className="flex w-20 shrink-0 flex-col justify-between text-right text-xs tabular-nums text-muted-foreground"
          aria-hidden
        >
          <span>{formatCNY(peak.net)}</span>
          <span>{formatCNY("0")}</span>
        </div>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          className="h-36 w-full rounded-md border bg-muted/20 text-primary"
          role="img"
          aria-label={t("spendChartLabel")}
        >
          {months.map((m, i) => {
            const h = (values[i]! / hi) * (H - 8);
            return (
              <rect
                key={m.month}
                x={i * slot + slot * 0.2}
                y={H - h}
                width={slot * 0.6}
                height={h}
                rx={2}
                className="fill-current"
              >
                <title>{`${m.month} ${formatCNY(m.net)}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="ml-[5.75rem] flex justify-between text-[10px] tabular-nums text-muted-foreground" aria-hidden>
        {months.map((m, i) => (
          <span key={m.month}>{i % 2 === 0 ? m.month.slice(2) : ""}</span>
        ))}
      </div>
      <figcaption className="text-xs text-muted-foreground">{t("spendCaption", { count: months.length })}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">{t("spendTable")}</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left text-xs tabular-nums" data-testid="spend-table">
            <thead>
              <tr className="text-muted-foreground">
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("month")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("prepaid")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("postpaid")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("refunded")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("net")}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className="border-t">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {m.month}
                  </th>
                  <td className="py-1 pr-3">{formatCNY(m.prepaid)}</td>
                  <td className="py-1 pr-3">{formatCNY(m.postpaid)}</td>
                  <td className="py-1 pr-3">{formatCNY(m.refunded)}</td>
                  <td className="py-1 font-medium">{formatCNY(m.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
