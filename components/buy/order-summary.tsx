"use client";

import { topUpHref } from "@/components/top-up-href";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Info, Loader2 } from "lucide-react";
import { formatCNY, formatDay, formatExpiryDay } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useLineLabels } from "./labels";
import { isPositive, isZero } from "./money";
import type { QuoteState } from "./use-quote";
import type { QuoteJson } from "@/lib/wire";

type Props = {
  app: { name: string; sdkAppId: number } | null;
  state: QuoteState;
  hint: string | null;
  role: "owner" | "member";
};

/** What the server quoted for the current choice (R-BUY-6): the app, each line, discounts, voucher, total, balance. */
export function OrderSummary({ app, state, hint, role }: Props) {
  const t = useTranslations("buy.summary");
  const quote = state.kind === "ok" ? state.quote : state.kind === "loading" ? state.previous : null;
  const loading = state.kind === "loading";
  return (
    <div className="grid gap-4" aria-live="polite" aria-busy={loading}>
      {role === "member" && (
        <Alert>
          <Info />
          <AlertDescription>{t("memberNote")}</AlertDescription>
        </Alert>
      )}
      {app && (
        <p className="text-sm font-medium" data-testid="summary-app">
          {t("forApp", { name: app.name, sdkAppId: app.sdkAppId })}
        </p>
      )}
      {state.kind === "idle" && <p className="text-sm text-muted-foreground">{hint ?? t("empty")}</p>}
      {state.kind === "refused" && (
        <Alert variant="destructive" data-testid="quote-refused">
          <AlertTitle>{t("refused")}</AlertTitle>
          <AlertDescription>{state.code === "network" ? t("networkError") : state.message}</AlertDescription>
        </Alert>
      )}
      {loading && !quote && (
        <div className="grid gap-2">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-8 w-2/3" />
        </div>
      )}
      {quote && <QuoteView quote={quote} stale={loading} />}
      {loading && (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Loader2 className="size-3.5 animate-spin" />
          {t("loading")}
        </p>
      )}
    </div>
  );
}

function QuoteView({ quote, stale }: { quote: QuoteJson; stale: boolean }) {
  const t = useTranslations("buy.summary");
  const labels = useLineLabels();
  return (
    <div className={cn("grid gap-4 transition-opacity", stale && "opacity-60")} data-testid="quote">
      <ul className="grid gap-3">
        {quote.lines.map((l, i) => (
          <li key={i} className="grid gap-1 border-b pb-3 text-sm last:border-0 last:pb-0" data-testid="quote-line">
            <div className="flex items-start justify-between gap-3">
              <span className="font-medium">
                {labels.product(l)}
                {l.tier !== undefined && (
                  <span className="font-normal text-muted-foreground"> · {labels.tier(l.product, l.tier)}</span>
                )}
              </span>
              <span className="whitespace-nowrap font-medium tabular-nums">{formatCNY(l.amount)}</span>
            </div>
            <div className="text-xs text-muted-foreground">
              {labels.months(l)} · {formatDay(l.periodStart)} – {formatExpiryDay(l.periodEnd)}
            </div>
            <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
              <span>{t("unit", { price: formatCNY(l.unitPrice), months: labels.count(l) })}</span>
              <span>
                {t("list")}{" "}
                <span className={cn("tabular-nums", !isZero(l.discountAmount) && "line-through")}>
                  {formatCNY(l.listAmount)}
                </span>
              </span>
              {l.billing === "postpaid" && <Badge variant="secondary">{t("postpaid")}</Badge>}
            </div>
            {!isZero(l.discountAmount) && (
              <div className="flex items-center justify-between gap-3 text-xs">
                <Badge variant="success">{labels.campaign(l)}</Badge>
                <span className="tabular-nums text-success">−{formatCNY(l.discountAmount)}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
      <dl className="grid gap-1.5 rounded-md bg-muted/50 p-3 text-sm">
        <Row label={t("listTotal")} value={formatCNY(quote.listTotal)} />
        {!isZero(quote.discountTotal) && (
          <Row label={t("discountTotal")} value={`−${formatCNY(quote.discountTotal)}`} tone="text-success" />
        )}
        {!isZero(quote.voucherAmount) && (
          <Row label={t("voucher")} value={`−${formatCNY(quote.voucherAmount)}`} tone="text-success" />
        )}
        <div className="mt-1 flex items-baseline justify-between gap-3 border-t pt-2">
          <dt className="font-medium">{t("total")}</dt>
          <dd className="text-2xl font-semibold tabular-nums text-orange-600" data-testid="quote-total">
            {formatCNY(quote.total)}
          </dd>
        </div>
      </dl>
      <dl className="grid gap-1.5 text-sm">
        <Row label={t("balance")} value={formatCNY(quote.balance.available)} />
      </dl>
      {isPositive(quote.shortfall) && (
        <Alert variant="warning" data-testid="quote-shortfall">
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2 text-foreground">
            <span>{t("shortfall", { amount: formatCNY(quote.shortfall) })}</span>
            <Link href={topUpHref(quote.shortfall)} className="font-medium text-primary hover:underline">
              {t("topUp")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      <p className="text-xs text-muted-foreground">{t("priceBook", { version: quote.priceBookVersion })}</p>
    </div>
  );
}

function Row({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={cn("tabular-nums", tone)}>{value}</dd>
    </div>
  );
}
