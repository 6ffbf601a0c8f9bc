import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BadgeCheck, CircleAlert } from "lucide-react";
import type { EditionEstimate, Verdict } from "@/lib/billing/calculator";
import type { PaidEdition, PriceBook } from "@/lib/billing/price-book";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { describeLine } from "./describe-line";
import { cny, count } from "./format";

type Props = { book: PriceBook; estimate: EditionEstimate; verdict: Verdict };

/** One edition's estimate: the monthly and term totals up top, every line with its arithmetic, the subtotals. */
export async function EstimateCard({ book, estimate, verdict }: Props) {
  const t = await getTranslations("calculator");
  const te = await getTranslations("edition");
  const tp = await getTranslations("packName");
  const { edition } = estimate;
  const name = te(edition);
  const best = (verdict.kind === "cheaper" || verdict.kind === "only") && verdict.edition === edition;
  const limits = book.editions[edition].limits;
  const names = { edition: (e: PaidEdition) => te(e), pack: (p: "live_groups_unlimited") => tp(p) };
  const headingId = `estimate-${edition}-title`;

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`estimate-${edition}`}
      className={cn(
        "flex flex-col overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm",
        best && "border-primary ring-1 ring-primary",
      )}
    >
      <div className={cn("grid gap-4 border-b p-5", best && "bg-accent/60")}>
        <div className="flex items-start justify-between gap-3">
          <div className="grid gap-1">
            <h2 id={headingId} className="text-lg font-semibold leading-none">
              {name}
            </h2>
            <p className="text-sm text-muted-foreground">{t(`edition.${edition}`)}</p>
          </div>
          {best && (
            <Badge variant="success" className="px-2.5 py-1 text-sm" data-testid="cheaper-badge">
              <BadgeCheck aria-hidden="true" />
              {verdict.kind === "only" ? t("card.only") : t("card.cheaper")}
            </Badge>
          )}
        </div>
        {estimate.kind === "ok" ? (
          <div className="grid gap-1">
            <p className="tabular-nums">
              <span className="text-3xl font-semibold tracking-tight" data-testid="monthly-total">
                {cny(estimate.totals.monthly)}
              </span>
              <span className="ml-1 text-sm text-muted-foreground">{t("card.perMonth")}</span>
            </p>
            <p className="text-sm text-muted-foreground tabular-nums" data-testid="term-total">
              {t("card.termTotal", { months: estimate.totals.months, amount: cny(estimate.totals.term) })}
            </p>
          </div>
        ) : (
          <div className="grid gap-1">
            <p className="flex items-center gap-2 text-2xl font-semibold text-destructive">
              <CircleAlert className="size-6" aria-hidden="true" />
              {t("card.cannotMeet")}
            </p>
            <p className="text-sm text-muted-foreground">{t("card.cannotMeetHint", { edition: name })}</p>
          </div>
        )}
        <ul aria-label={t("card.includes")} className="flex flex-wrap gap-1.5 text-xs">
          <li className="rounded-md border bg-background px-2 py-0.5 text-muted-foreground">
            {t("card.freeDau", { value: count(limits.freeDau) })}
          </li>
          <li className="rounded-md border bg-background px-2 py-0.5 text-muted-foreground">
            {t("card.freePeakGroups", { value: count(limits.freePeakGroups) })}
          </li>
          <li className="rounded-md border bg-background px-2 py-0.5 text-muted-foreground">
            {t("card.liveGroups", { value: limits.liveGroups < 0 ? t("card.unlimited") : count(limits.liveGroups) })}
          </li>
          <li className="rounded-md border bg-background px-2 py-0.5 text-muted-foreground">
            {t("card.historyDays", { value: count(limits.historyDays) })}
          </li>
        </ul>
      </div>

      <div className="grid flex-1 content-start gap-1 px-5 pt-4">
        <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("card.lines")}</h3>
        <ul className="divide-y">
          {estimate.lines.map((line) => {
            const { label, arithmetic } = describeLine(t, names, edition, line);
            const unmet = line.amount === null;
            const zero = line.amount?.isZero() ?? false;
            return (
              <li key={line.key} className="grid gap-1 py-3" data-testid={`line-${line.key}`}>
                <div className="flex items-start justify-between gap-3 text-sm">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium">
                    {label}
                    <Badge variant="outline" className="font-normal text-muted-foreground">
                      {t(`card.${line.billing}`)}
                    </Badge>
                  </span>
                  <span
                    className={cn(
                      "whitespace-nowrap font-medium tabular-nums",
                      zero && "text-muted-foreground",
                      unmet && "text-destructive",
                    )}
                  >
                    {line.amount === null ? t("card.cannotMeet") : cny(line.amount)}
                  </span>
                </div>
                <p
                  className={cn(
                    "text-xs leading-relaxed tabular-nums",
                    unmet ? "text-destructive" : "text-muted-foreground",
                  )}
                >
                  {/* each step of the arithmetic wraps as a unit */}
                  {arithmetic.split(" → ").map((step, i) => (
                    <span key={i}>
                      {i > 0 && " "}
                      <span className="inline-block">
                        {i > 0 && "→ "}
                        {step}
                      </span>
                    </span>
                  ))}
                </p>
              </li>
            );
          })}
        </ul>
      </div>

      {estimate.kind === "ok" && (
        <dl className="grid gap-2 border-t bg-muted/40 px-5 py-4 text-sm tabular-nums">
          <div className="flex justify-between gap-3">
            <dt className="text-muted-foreground">{t("card.prepaidMonthly")}</dt>
            <dd>{cny(estimate.totals.prepaidMonthly)}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-muted-foreground">{t("card.postpaidMonthly")}</dt>
            <dd>{cny(estimate.totals.postpaidMonthly)}</dd>
          </div>
          <div className="flex justify-between gap-3 font-semibold">
            <dt>{t("card.monthly")}</dt>
            <dd>{cny(estimate.totals.monthly)}</dd>
          </div>
          {/* for one month the term is the month: no second block saying the same */}
          {estimate.totals.months > 1 && (
            <>
              <div className="mt-1 flex justify-between gap-3 border-t pt-3 text-muted-foreground">
                <dt>
                  {t("card.termPrepaid", {
                    amount: cny(estimate.totals.prepaidMonthly),
                    months: estimate.totals.months,
                  })}
                </dt>
                <dd>{cny(estimate.totals.prepaidTerm)}</dd>
              </div>
              <div className="flex justify-between gap-3 text-muted-foreground">
                <dt>
                  {t("card.termPostpaid", {
                    amount: cny(estimate.totals.postpaidMonthly),
                    months: estimate.totals.months,
                  })}
                </dt>
                <dd>{cny(estimate.totals.postpaidTerm)}</dd>
              </div>
              <div className="flex justify-between gap-3 font-semibold">
                <dt>{t("card.term", { months: estimate.totals.months })}</dt>
                <dd>{cny(estimate.totals.term)}</dd>
              </div>
            </>
          )}
        </dl>
      )}

      {estimate.kind === "ok" && (
        <div className="border-t px-5 py-4">
          <Button asChild className="w-full" variant={best ? "default" : "outline"}>
            <Link href="/buy">{t("card.buy", { edition: name })}</Link>
          </Button>
        </div>
      )}
    </section>
  );
}
