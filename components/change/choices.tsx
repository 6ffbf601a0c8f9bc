"use client";

import { useTranslations } from "next-intl";
import type { PriceBook, PaidEdition } from "@/lib/billing/price-book";
import { formatCNY } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const EDITIONS: PaidEdition[] = ["pro", "ultimate"];
export const PRESET_MONTHS = [1, 2, 3, 6, 12, 24] as const;
export type Term = { kind: "preset"; months: number } | { kind: "other"; text: string };

/** A whole number of months from 1 to 24, or null while "other" holds something else. */
export function termMonths(term: Term): number | null {
  if (term.kind === "preset") return term.months;
  const n = Number(term.text);
  return /^\d+$/.test(term.text.trim()) && n >= 1 && n <= 24 ? n : null;
}

const card =
  "flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors " +
  "hover:bg-accent/50 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50";
const radio = "mt-0.5 size-4 shrink-0 accent-[var(--primary)]";

/** Pro / ultimate as radio cards with their list price per month (display only; the quote prices). */
export function EditionChoice({
  value,
  current,
  book,
  onChange,
}: {
  value: PaidEdition;
  current: string;
  book: PriceBook;
  onChange: (e: PaidEdition) => void;
}) {
  const t = useTranslations("change");
  const te = useTranslations("edition");
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{t("edition.label")}</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {EDITIONS.map((e) => (
          <label key={e} className={cn(card, value === e && "border-primary bg-primary/5")}>
            <input
              type="radio"
              name="change-edition"
              value={e}
              checked={value === e}
              onChange={() => onChange(e)}
              className={radio}
            />
            <span className="grid gap-1">
              <span className="flex flex-wrap items-center gap-2 font-medium">
                {te(e)}
                {e === current && <Badge variant="secondary">{t("edition.current")}</Badge>}
              </span>
              <span className="text-sm tabular-nums">
                {t("edition.perMonth", { price: formatCNY(book.editions[e].monthly) })}
              </span>
              <span className="text-xs text-muted-foreground">{t(`edition.${e}Hint`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** 1, 2, 3, 6, 12, 24 months or another whole number from 1 to 24 (R-BUY-5). */
export function TermChoice({ value, onChange }: { value: Term; onChange: (t: Term) => void }) {
  const t = useTranslations("change");
  const invalid = value.kind === "other" && value.text !== "" && termMonths(value) === null;
  const pill =
    "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-primary " +
    "has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50";
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{t("term.label")}</legend>
      <div className="flex flex-wrap items-center gap-2">
        {PRESET_MONTHS.map((m) => (
          <label key={m} className={pill}>
            <input
              type="radio"
              name="change-term"
              className="sr-only"
              checked={value.kind === "preset" && value.months === m}
              onChange={() => onChange({ kind: "preset", months: m })}
            />
            {m % 12 === 0 ? t("term.years", { count: m / 12 }) : t("term.months", { count: m })}
          </label>
        ))}
        <label className={pill}>
          <input
            type="radio"
            name="change-term"
            className="sr-only"
            checked={value.kind === "other"}
            onChange={() => onChange({ kind: "other", text: value.kind === "other" ? value.text : "" })}
          />
          {t("term.other")}
        </label>
      </div>
      {value.kind === "other" && (
        <div className="grid max-w-48 gap-1">
          <Input
            type="number"
            min={1}
            max={24}
            step={1}
            inputMode="numeric"
            aria-label={t("term.otherLabel")}
            value={value.text}
            onChange={(e) => onChange({ kind: "other", text: e.target.value })}
            aria-invalid={invalid || undefined}
            aria-describedby="change-term-hint"
            autoFocus
          />
          <p id="change-term-hint" className={invalid ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
            {invalid ? t("term.otherError") : t("term.otherHint")}
          </p>
        </div>
      )}
    </fieldset>
  );
}
