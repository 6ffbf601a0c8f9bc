"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Check, CircleCheck } from "lucide-react";
import type { PaidEdition, PriceBook } from "@/lib/billing/price-book";
import { formatCNY } from "@/lib/format";
import { cn } from "@/lib/utils";

const EDITIONS: PaidEdition[] = ["pro", "ultimate"];

/**
 * Step 2 for trial apps and apps without a valid term: Pro or
 * Ultimate, with list prices from the price book (display only).
 */
export function EditionCards({
  book,
  value,
  onChange,
}: {
  book: PriceBook;
  value: PaidEdition;
  onChange: (e: PaidEdition) => void;
}) {
  const t = useTranslations("buy");
  const te = useTranslations("edition");
  const f = useFormatter();
  const count = (n: number) => (n < 0 ? t("compare.unlimited") : f.number(n));
  return (
    <div role="radiogroup" aria-label={t("step.edition")} className="grid gap-3 sm:grid-cols-2">
      {EDITIONS.map((e) => {
        const entry = book.editions[e];
        const selected = value === e;
        const price = formatCNY(entry.monthly);
        return (
          <button
            key={e}
            type="button"
            role="radio"
            aria-checked={selected}
            aria-label={`${te(e)} ${price}${t("edition.perMonth")}`}
            onClick={() => onChange(e)}
            className={cn(
              "relative grid gap-3 rounded-lg border p-4 text-left transition-colors outline-none " +
                "hover:border-primary/60 focus-visible:ring-[3px] focus-visible:ring-ring/50",
              selected && "border-primary bg-primary/5 ring-1 ring-primary",
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <div className="grid gap-0.5">
                <span className="text-base font-semibold">{te(e)}</span>
                <span className="text-xs text-muted-foreground">{t(`edition.${e}`)}</span>
              </div>
              {selected ? (
                <CircleCheck className="size-5 shrink-0 text-primary" aria-hidden="true" />
              ) : (
                <span className="size-5 shrink-0 rounded-full border" aria-hidden="true" />
              )}
            </div>
            <div className="tabular-nums">
              <span className="text-2xl font-semibold">{price}</span>
              <span className="text-sm text-muted-foreground">{t("edition.perMonth")}</span>
            </div>
            <ul className="grid gap-1 text-sm text-muted-foreground">
              <li className="flex items-center gap-1.5">
                <Check className="size-3.5 text-success" aria-hidden="true" />
                {t("edition.highlight.users")}
              </li>
              <li className="flex items-center gap-1.5">
                <Check className="size-3.5 text-success" aria-hidden="true" />
                {t("edition.highlight.liveGroups", { value: count(entry.limits.liveGroups) })}
              </li>
              <li className="flex items-center gap-1.5">
                <Check className="size-3.5 text-success" aria-hidden="true" />
                {t("edition.highlight.membersPerGroup", { value: entry.limits.membersPerGroup })}
              </li>
              <li className="flex items-center gap-1.5">
                <Check className="size-3.5 text-success" aria-hidden="true" />
                {t("edition.highlight.historyDays", { value: entry.limits.historyDays })}
              </li>
            </ul>
          </button>
        );
      })}
    </div>
  );
}
