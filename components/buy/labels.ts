"use client";

import { useTranslations } from "next-intl";

type LineLike = {
  product: string;
  edition?: string | null;
  tier?: string | null;
  months: number;
  campaign?: string;
  campaignName?: string | null;
};

/** Display names for order and quote lines, shared by the purchase summary, the orders table and the receipt. */
export function useLineLabels() {
  const t = useTranslations("buy");
  const te = useTranslations("edition");
  const packName = (pack: string) => (t.has(`packs.name.${pack}`) ? t(`packs.name.${pack}`) : pack);
  const tier = (pack: string, value: string | null | undefined) => {
    if (value == null) return "—";
    return t.has(`packs.tierLabel.${pack}`) ? t(`packs.tierLabel.${pack}`, { value: Number(value) }) : value;
  };
  return {
    packName,
    tier,
    product: (l: LineLike) =>
      l.product === "plan" ? t("summary.plan", { edition: te(l.edition ?? "trial") }) : packName(l.product),
    months: (l: LineLike) =>
      Number.isInteger(l.months)
        ? t("summary.months", { count: l.months })
        : t("summary.monthsPartial", { months: l.months.toFixed(2) }),
    /** Months as a plain count for "price × months". */
    count: (l: LineLike) => (Number.isInteger(l.months) ? String(l.months) : l.months.toFixed(2)),
    campaign: (l: LineLike) =>
      l.campaign && t.has(`campaign.${l.campaign}`)
        ? t(`campaign.${l.campaign}`)
        : (l.campaignName ?? l.campaign ?? ""),
  };
}
