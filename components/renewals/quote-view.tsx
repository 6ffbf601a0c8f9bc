"use client";

import { topUpHref } from "@/components/top-up-href";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OrderQuote as RenewalQuote } from "@/app/(customer)/orders/actions";
import { formatCNY } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { RenewalRow } from "./types";

type Line = RenewalQuote["lines"][number];

/**
 * The renewal's lines grouped by app (plan and packs with their new
 * period), then the totals. All figures are the server's.
 */
export function QuoteView({ apps, quote }: { apps: RenewalRow[]; quote: RenewalQuote | null }) {
  const t = useTranslations("renewals");
  const te = useTranslations("edition");
  const terr = useTranslations("errors");
  const item = (l: Line) =>
    l.product === "plan"
      ? t("planLine", { edition: te(l.edition ?? "pro") })
      : [
          t.has(`packs.${l.product}`) ? t(`packs.${l.product}`) : l.product,
          l.tier && (t.has(`tier.${l.product}`) ? t(`tier.${l.product}`, { value: Number(l.tier) }) : l.tier),
        ]
          .filter(Boolean)
          .join(" · ");
  const short = quote !== null && quote.shortfall !== "0.00";

  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label={t("quoteLines")}>
          <thead className="sr-only">
            <tr>
              <th>{t("line.item")}</th>
              <th>{t("line.period")}</th>
              <th>{t("line.amount")}</th>
            </tr>
          </thead>
          {apps.map((a) => (
            <tbody key={a.sdkAppId} className="border-b last:border-b-0">
              <tr>
                <th colSpan={3} scope="rowgroup" className="pb-1 pt-2 text-left font-normal">
                  <span className="font-medium">{a.name}</span>{" "}
                  <span className="font-mono text-xs text-muted-foreground">{a.sdkAppId}</span>
                  <span className="ml-2 text-xs text-muted-foreground">
                    {te(a.edition)} · {t("currentExpiry", { day: a.expiryDay })}
                  </span>
                </th>
              </tr>
              {(quote?.lines ?? [])
                .filter((l) => l.sdkAppId === a.sdkAppId)
                .map((l, i) => (
                  <tr key={i} className="align-top" data-testid="renew-line">
                    <td className="py-1 pl-3 pr-3">
                      {item(l)}
                      {l.campaignName && (
                        <div>
                          <Badge variant="success" className="mt-1 whitespace-normal">
                            {l.campaignName}
                          </Badge>
                        </div>
                      )}
                    </td>
                    <td className="whitespace-nowrap py-1 pr-3 tabular-nums text-muted-foreground">
                      {t("period", { start: l.startDay, end: l.endDay })}
                    </td>
                    <td className="whitespace-nowrap py-1 text-right tabular-nums">
                      {l.discountAmount !== "0.00" && (
                        <span className="mr-2 text-xs text-muted-foreground line-through">
                          {formatCNY(l.listAmount)}
                        </span>
                      )}
                      {formatCNY(l.amount)}
                    </td>
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
      {quote && (
        <>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t pt-2 text-sm">
            <dt className="text-muted-foreground">{t("listTotal")}</dt>
            <dd className="text-right tabular-nums">{formatCNY(quote.listTotal)}</dd>
            {quote.discountTotal !== "0.00" && (
              <>
                <dt className="text-muted-foreground">{t("discount")}</dt>
                <dd className="text-right tabular-nums">-{formatCNY(quote.discountTotal)}</dd>
              </>
            )}
            {quote.voucherAmount !== "0.00" && (
              <>
                <dt className="text-muted-foreground">{t("voucherPaid")}</dt>
                <dd className="text-right tabular-nums">-{formatCNY(quote.voucherAmount)}</dd>
              </>
            )}
            <dt className="font-medium">{t("total")}</dt>
            <dd className="text-right text-base font-semibold tabular-nums" data-testid="renew-total">
              {formatCNY(quote.total)}
            </dd>
            <dt className="text-muted-foreground">{t("available")}</dt>
            <dd className="text-right tabular-nums">{formatCNY(quote.balance.available)}</dd>
          </dl>
          {short && (
            <Alert variant="destructive">
              <AlertDescription>
                <p>
                  {terr("insufficient_balance", {
                    total: quote.total,
                    available: quote.balance.available,
                    shortfall: quote.shortfall,
                  })}
                </p>
                <Link href={topUpHref(quote.shortfall)} className="font-medium underline">
                  {t("toBalance")}
                </Link>
              </AlertDescription>
            </Alert>
          )}
        </>
      )}
    </>
  );
}
