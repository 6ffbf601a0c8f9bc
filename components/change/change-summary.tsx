"use client";

import { useTranslations } from "next-intl";
import { formatCNY } from "@/lib/format";
import { RefundLinesTable } from "@/components/refunds/preview-table";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTierLabel } from "./pack-choice";
import type { QuoteJson } from "@/lib/wire";

/** "-12.30" → "12.30": the size of a signed wire amount, for "net refunded". */
export const magnitude = (amount: string) => amount.replace(/^-/, "");
export const isNegative = (amount: string) => amount.startsWith("-");
export const isZero = (amount: string) => /^-?0+(\.0+)?$/.test(amount);

/** R-BUY-3: what the change refunds, what it buys and the net, all from the server's quote. */
export function ChangeSummary({ quote }: { quote: QuoteJson }) {
  const t = useTranslations("change");
  const te = useTranslations("edition");
  const tp = useTranslations("packName");
  const tierLabel = useTierLabel();
  const refund = quote.refund;
  const net = quote.net ?? quote.total;
  const num = "text-right tabular-nums whitespace-nowrap";

  const product = (l: QuoteJson["lines"][number]) =>
    l.product === "plan"
      ? t("summary.plan", { edition: te(l.edition ?? "pro") })
      : [tp.has(l.product) ? tp(l.product) : l.product, tierLabel(l.product, l.tier)].filter(Boolean).join(" · ");
  const months = (m: number) =>
    Number.isInteger(m) ? t("summary.months", { count: m }) : t("summary.monthsPartial", { months: m.toFixed(2) });

  return (
    <div className="grid grid-cols-1 gap-5">
      {refund && (
        <section className="grid grid-cols-1 gap-2" aria-labelledby="change-refund-title">
          <h3 id="change-refund-title" className="text-sm font-semibold">
            {t("summary.refundTitle")}
          </h3>
          <p className="text-xs text-muted-foreground">{t("summary.refundHint")}</p>
          <RefundLinesTable
            lines={refund.lines}
            total={refund.total}
            cash={refund.cash}
            gift={refund.gift}
            label={t("summary.refundTitle")}
          />
        </section>
      )}
      <section className="grid grid-cols-1 gap-2" aria-labelledby="change-new-title">
        <h3 id="change-new-title" className="text-sm font-semibold">
          {t("summary.newTitle")}
        </h3>
        <Table aria-label={t("summary.newTitle")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("summary.product")}</TableHead>
              <TableHead>{t("summary.term")}</TableHead>
              <TableHead className="text-right">{t("summary.list")}</TableHead>
              <TableHead className="text-right">{t("summary.amount")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {quote.lines.map((l, i) => (
              <TableRow key={`${l.product}-${i}`} data-testid="change-line">
                <TableCell>
                  <div>{product(l)}</div>
                  {l.campaignName && (
                    <div className="text-xs text-success">{t("summary.campaign", { name: l.campaignName })}</div>
                  )}
                  {l.billing === "postpaid" && (
                    <div className="text-xs text-muted-foreground">{t("summary.postpaid")}</div>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">{months(l.months)}</TableCell>
                <TableCell className={`${num} text-muted-foreground`}>{formatCNY(l.listAmount)}</TableCell>
                <TableCell className={`${num} font-medium`}>{formatCNY(l.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={3}>{t("summary.newTotal")}</TableCell>
              <TableCell className={num} data-testid="change-new-total">
                {formatCNY(quote.total)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </section>
      <dl className="grid gap-2 rounded-lg border bg-muted/30 p-4 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-muted-foreground">{t("summary.newTotal")}</dt>
          <dd className="tabular-nums">{formatCNY(quote.total)}</dd>
        </div>
        {refund && (
          <div className="flex justify-between gap-4">
            <dt className="text-muted-foreground">{t("summary.refundTotal")}</dt>
            <dd className="tabular-nums" data-testid="change-refund-total">
              −{formatCNY(refund.total)}
            </dd>
          </div>
        )}
        <div className="flex justify-between gap-4 border-t pt-2 text-base font-semibold">
          <dt>{isNegative(net) ? t("summary.netRefund") : t("summary.netPay")}</dt>
          <dd className="tabular-nums" data-testid="change-net">
            {formatCNY(magnitude(net))}
          </dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-muted-foreground">{t("summary.available")}</dt>
          <dd className="tabular-nums">{formatCNY(quote.balance.available)}</dd>
        </div>
        {!isZero(quote.shortfall) && (
          <div className="flex justify-between gap-4 text-destructive">
            <dt>{t("summary.shortfall")}</dt>
            <dd className="tabular-nums" data-testid="change-shortfall">
              {formatCNY(quote.shortfall)}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
