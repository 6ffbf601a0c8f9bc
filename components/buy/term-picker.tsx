"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { Input } from "@/components/ui/input";

export const PRESETS = [1, 2, 3, 6, 12, 24] as const;
export type Term = { kind: "preset"; months: number } | { kind: "other"; raw: string };

/** Whole months 1–24 (R-BUY-5), or null while "other" holds something else. */
export function termMonths(term: Term): number | null {
  if (term.kind === "preset") return term.months;
  const s = term.raw.trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 24 ? n : null;
}

/** Step: the term of a plan order, as Tencent Cloud offers it (1, 2, 3, 6 months, 1, 2 years, other). */
export function TermPicker({ value, onChange }: { value: Term; onChange: (t: Term) => void }) {
  const t = useTranslations("buy");
  const label = (m: number) => (m >= 12 ? t("term.years", { count: m / 12 }) : t("term.months", { count: m }));
  const invalid = value.kind === "other" && termMonths(value) === null;
  const option = (selected: boolean) =>
    cn(
      "h-9 min-w-20 rounded-md border px-3 text-sm transition-colors outline-none " +
        "hover:border-primary/60 focus-visible:ring-[3px] focus-visible:ring-ring/50",
      selected && "border-primary bg-primary/5 font-medium text-primary",
    );
  return (
    <div className="grid gap-3">
      <div role="radiogroup" aria-label={t("step.term")} className="flex flex-wrap gap-2">
        {PRESETS.map((m) => {
          const selected = value.kind === "preset" && value.months === m;
          return (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={selected}
              className={option(selected)}
              onClick={() => onChange({ kind: "preset", months: m })}
            >
              {label(m)}
            </button>
          );
        })}
        <button
          type="button"
          role="radio"
          aria-checked={value.kind === "other"}
          className={option(value.kind === "other")}
          onClick={() => value.kind !== "other" && onChange({ kind: "other", raw: String(value.months) })}
        >
          {t("term.other")}
        </button>
      </div>
      {value.kind === "other" && (
        <div className="grid max-w-xs gap-1.5">
          <label htmlFor="buy-months" className="text-sm font-medium">
            {t("term.otherLabel")}
          </label>
          <Input
            id="buy-months"
            type="number"
            inputMode="numeric"
            min={1}
            max={24}
            step={1}
            value={value.raw}
            onChange={(e) => onChange({ kind: "other", raw: e.target.value })}
            aria-invalid={invalid || undefined}
            aria-describedby="buy-months-msg"
          />
          <p id="buy-months-msg" className={invalid ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
            {invalid ? t("term.otherError") : t("term.otherHint")}
          </p>
        </div>
      )}
    </div>
  );
}
