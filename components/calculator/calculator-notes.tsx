import { getTranslations } from "next-intl/server";
import { Info } from "lucide-react";
import { CALC_DAYS_PER_MONTH } from "@/lib/billing/calculator";
import type { PriceBook } from "@/lib/billing/price-book";
import { money } from "@/lib/money";
import { cny, count } from "./format";

/** The assumptions behind the figures, the 30-day month first. */
export async function CalculatorNotes({ book }: { book: PriceBook }) {
  const t = await getTranslations("calculator.notes");
  const notes = [
    t("month", {
      days: CALC_DAYS_PER_MONTH,
      domestic: cny(money(book.barrage.domesticPerMbpsDay)),
      international: cny(money(book.barrage.internationalPerMbpsDay)),
    }),
    t("overage", {
      dauUnit: count(book.overage.dau.unit),
      dauPrice: cny(money(book.overage.dau.price)),
      groupsUnit: count(book.overage.peakGroups.unit),
      groupsPrice: cny(money(book.overage.peakGroups.price)),
    }),
    t("history"),
    t("term"),
    t("rounding"),
    t("ultimate"),
  ];
  return (
    <section aria-labelledby="calculator-notes-title" className="grid gap-3 rounded-xl border bg-card p-5 text-sm">
      <h2 id="calculator-notes-title" className="flex items-center gap-2 font-semibold">
        <Info className="size-4 text-primary" aria-hidden="true" />
        {t("title")}
      </h2>
      <ul
        className="grid list-disc gap-1.5 pl-5 text-muted-foreground marker:text-muted-foreground/60"
        data-testid="calculator-notes"
      >
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
