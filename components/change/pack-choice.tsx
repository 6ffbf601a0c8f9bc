"use client";

import { useTranslations } from "next-intl";
import { PACK_NAMES, type PackName, type PackTier, type PaidEdition, type PriceBook } from "@/lib/billing/price-book";
import { formatCNY } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** Chosen packs: pack name → tier (null for packs without tiers). */
export type PackSelection = Partial<Record<PackName, string | null>>;
export type CurrentPack = { pack: string; tier: string | null; billing: string; endsAt: string };

export function offeredPacks(book: PriceBook, edition: PaidEdition): PackName[] {
  return PACK_NAMES.filter((p) => book.packs[p].tiers[edition].length > 0);
}

/** Keeps the chosen packs the edition offers, moving a tier the edition lacks to its first tier. */
export function fitSelection(book: PriceBook, edition: PaidEdition, sel: PackSelection): PackSelection {
  const out: PackSelection = {};
  for (const p of offeredPacks(book, edition)) {
    if (!(p in sel)) continue;
    const tiers = book.packs[p].tiers[edition];
    out[p] = tiers.some((x) => x.tier === sel[p]) ? sel[p]! : tiers[0]!.tier;
  }
  return out;
}

export function useTierLabel() {
  const t = useTranslations("change");
  return (pack: string, tier: string | null | undefined) =>
    tier == null ? "" : t.has(`packs.tier.${pack}`) ? t(`packs.tier.${pack}`, { value: Number(tier) }) : tier;
}

/** The packs of the new edition with their tiers; the app's current packs start ticked. */
export function PackChoice({
  book,
  edition,
  value,
  current,
  onChange,
}: {
  book: PriceBook;
  edition: PaidEdition;
  value: PackSelection;
  current: CurrentPack[];
  onChange: (s: PackSelection) => void;
}) {
  const t = useTranslations("change");
  const tp = useTranslations("packName");
  const tierLabel = useTierLabel();

  const price = (tier: PackTier) =>
    tier.monthly === "0.00" ? t("packs.usage") : t("packs.perMonth", { price: formatCNY(tier.monthly) });

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{t("packs.label")}</legend>
      <p className="mb-1 text-xs text-muted-foreground">{t("packs.hint")}</p>
      <ul className="grid gap-2">
        {offeredPacks(book, edition).map((p) => {
          const tiers = book.packs[p].tiers[edition];
          const checked = p in value;
          const tier = tiers.find((x) => x.tier === value[p]) ?? tiers[0]!;
          const now = current.find((c) => c.pack === p);
          const id = `change-pack-${p}`;
          return (
            <li key={p} className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border p-3">
              <Checkbox
                id={id}
                checked={checked}
                onCheckedChange={(on) => {
                  const next = { ...value };
                  if (on) next[p] = tiers[0]!.tier;
                  else delete next[p];
                  onChange(next);
                }}
              />
              <div className="grid min-w-0 flex-1 basis-48 gap-0.5">
                <Label htmlFor={id} className="cursor-pointer">
                  {tp(p)}
                </Label>
                {book.packs[p].billing === "postpaid" && (
                  <span className="text-xs text-muted-foreground">{t("packs.postpaid")}</span>
                )}
                {now && (
                  <span className="text-xs text-muted-foreground">
                    {t("packs.current", { tier: tierLabel(p, now.tier) || t("packs.on") })}
                  </span>
                )}
              </div>
              {tiers.length > 1 ? (
                <Select
                  value={tier.tier ?? ""}
                  onValueChange={(v) => onChange({ ...value, [p]: v })}
                  disabled={!checked}
                >
                  <SelectTrigger size="sm" className="w-full sm:w-56" aria-label={t("packs.tierOf", { pack: tp(p) })}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {tiers.map((x) => (
                      <SelectItem key={x.tier} value={x.tier ?? ""}>
                        {tierLabel(p, x.tier)} · {price(x)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              ) : (
                <span className="text-sm tabular-nums text-muted-foreground">
                  {[tierLabel(p, tier.tier), price(tier)].filter(Boolean).join(" · ")}
                </span>
              )}
              {now && now.tier !== null && checked && value[p] !== now.tier && (
                <Badge variant="warning">{t("packs.tierChanges")}</Badge>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
