"use client";

import { useTranslations } from "next-intl";
import { PACK_NAMES, type PackName, type PackTier, type PaidEdition, type PriceBook } from "@/lib/billing/price-book";
import { formatCNY, formatExpiryDay } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useLineLabels } from "./labels";

export type PackSelection = Partial<Record<PackName, string | null>>;
type ActivePack = { pack: string; tier: string | null; endsAt: string };

type Props = {
  book: PriceBook;
  edition: PaidEdition;
  /** plan: any number of packs with the plan; pack: one pack alone (R-BUY-3). */
  mode: "plan" | "pack";
  active: ActivePack[];
  selected: PackSelection;
  onChange: (next: PackSelection) => void;
};

/** The tier a selection stands for: the chosen one when this edition offers it, else the edition's first. */
export function tierFor(tiers: PackTier[], chosen: string | null | undefined): string | null {
  return tiers.find((x) => x.tier === chosen)?.tier ?? tiers[0]?.tier ?? null;
}

/** Feature packs (增值服务) of an edition, each with why it is not offered when it is not. */
export function PackPicker({ book, edition, mode, active, selected, onChange }: Props) {
  const t = useTranslations("buy");
  const te = useTranslations("edition");
  const labels = useLineLabels();

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is group or radiogroup, both take a label
    <div className="grid gap-2" role={mode === "pack" ? "radiogroup" : "group"} aria-label={t("step.packs")}>
      {PACK_NAMES.map((pack) => {
        const entry = book.packs[pack];
        const tiers = entry.tiers[edition];
        const current = active.find((a) => a.pack === pack);
        const reason =
          tiers.length === 0
            ? pack === "live_groups_unlimited"
              ? t("packs.included", { edition: te(edition) })
              : t("packs.notOffered", { edition: te(edition) })
            : mode === "pack" && current
              ? current.tier !== null
                ? t("packs.active", { tier: labels.tier(pack, current.tier), day: formatExpiryDay(current.endsAt) })
                : t("packs.activeNoTier", { day: formatExpiryDay(current.endsAt) })
              : null;
        const disabled = reason !== null;
        const on = !disabled && pack in selected;
        const tier = tierFor(tiers, selected[pack]);
        const price = tiers.find((x) => x.tier === tier)?.monthly;
        const id = `pack-${pack}`;
        const toggle = (checked: boolean) => {
          if (mode === "pack") return onChange(checked ? { [pack]: tier } : {});
          const next = { ...selected };
          if (checked) next[pack] = tier;
          else delete next[pack];
          onChange(next);
        };
        return (
          <div
            key={pack}
            className={cn(
              "flex flex-wrap items-start gap-3 rounded-lg border p-3 transition-colors",
              on && "border-primary/60 bg-primary/5",
              disabled && "bg-muted/40",
            )}
          >
            {mode === "pack" ? (
              <input
                id={id}
                type="radio"
                name="buy-pack"
                className="mt-0.5 size-4 accent-primary"
                checked={on}
                disabled={disabled}
                onChange={(e) => toggle(e.target.checked)}
                aria-describedby={`${id}-desc`}
              />
            ) : (
              <Checkbox
                id={id}
                className="mt-0.5"
                checked={on}
                disabled={disabled}
                onCheckedChange={(c) => toggle(c === true)}
                aria-describedby={`${id}-desc`}
              />
            )}
            <div className="grid min-w-48 flex-1 gap-1">
              <Label htmlFor={id} className={cn("leading-snug", disabled && "text-muted-foreground")}>
                {labels.packName(pack)}
              </Label>
              <p id={`${id}-desc`} className="text-xs text-muted-foreground">
                {t(`packs.desc.${pack}`)}
                {reason && <span className="mt-1 block text-foreground/80">{reason}</span>}
              </p>
              {entry.billing === "postpaid" && (
                <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                  <Badge variant="secondary">{t("packs.postpaid")}</Badge>
                  {t("packs.postpaidHint")}
                </p>
              )}
            </div>
            {!disabled && (
              <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
                {tiers.length > 1 ? (
                  <Select
                    value={tier ?? ""}
                    onValueChange={(v) => onChange(mode === "pack" ? { [pack]: v } : { ...selected, [pack]: v })}
                  >
                    <SelectTrigger
                      size="sm"
                      className="w-40"
                      aria-label={`${labels.packName(pack)} · ${t("packs.tier")}`}
                    >
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {tiers.map((x) => (
                        <SelectItem key={x.tier} value={x.tier ?? ""}>
                          {labels.tier(pack, x.tier)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                ) : tier !== null ? (
                  <span className="rounded-md border px-2 py-1 text-xs">{labels.tier(pack, tier)}</span>
                ) : null}
                {pack === "barrage_bandwidth" ? (
                  <span className="tabular-nums text-muted-foreground">
                    {t("packs.barragePrice", {
                      domestic: formatCNY(book.barrage.domesticPerMbpsDay),
                      international: formatCNY(book.barrage.internationalPerMbpsDay),
                    })}
                  </span>
                ) : (
                  price && (
                    <span className="whitespace-nowrap tabular-nums text-muted-foreground">
                      {t("packs.perMonth", { price: formatCNY(price) })}
                    </span>
                  )
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
