"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

export type RefundMode = "five_day" | "standard";
const MODES: RefundMode[] = ["five_day", "standard"];

/** The two refund modes as radio cards, each with its one-line rule (R-REF-1, R-REF-2). */
export function ModeChoice({
  value,
  onChange,
  fiveDayUsed,
}: {
  value: RefundMode;
  onChange: (m: RefundMode) => void;
  fiveDayUsed: boolean;
}) {
  const t = useTranslations("refunds");
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{t("request.mode")}</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {MODES.map((m) => (
          <label
            key={m}
            className={cn(
              "flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors " +
                "hover:bg-accent/50 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
              value === m && "border-primary bg-primary/5",
            )}
          >
            <input
              type="radio"
              name="refund-mode"
              value={m}
              checked={value === m}
              onChange={() => onChange(m)}
              className="mt-1 size-4 shrink-0 accent-[var(--primary)]"
              aria-describedby={`mode-${m}-hint`}
            />
            <span className="grid gap-1">
              <span className="flex min-h-6 flex-wrap items-center gap-2 text-sm font-medium">
                {t(`mode.${m}`)}
                {m === "five_day" && fiveDayUsed && <Badge variant="secondary">{t("mode.used")}</Badge>}
              </span>
              <span id={`mode-${m}-hint`} className="text-xs text-muted-foreground">
                {t(`mode.${m}Hint`)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
