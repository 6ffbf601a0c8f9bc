import type { getTranslations } from "next-intl/server";
import type { CalcLine } from "@/lib/billing/calculator";
import type { PaidEdition } from "@/lib/billing/price-book";
import { cny, count } from "./format";

type T = Awaited<ReturnType<typeof getTranslations>>;
type Names = { edition: (e: PaidEdition) => string; pack: (p: "live_groups_unlimited") => string };

/** The label and the visible arithmetic of one calculator line (R-CALC-1), in the page's language. */
export function describeLine(
  t: T,
  names: Names,
  edition: PaidEdition,
  line: CalcLine,
): { label: string; arithmetic: string } {
  switch (line.key) {
    case "plan":
      return {
        label: t("line.plan", { edition: names.edition(edition) }),
        arithmetic: t("arith.plan", { price: cny(line.amount) }),
      };
    case "liveGroups": {
      const needed = count(line.needed);
      const arithmetic =
        line.limit === null
          ? t("arith.liveUnlimited", { needed, edition: names.edition(edition) })
          : line.pack
            ? t("arith.livePack", {
                needed,
                limit: count(line.limit),
                pack: names.pack("live_groups_unlimited"),
                price: cny(line.amount),
              })
            : t("arith.liveIncluded", { needed, limit: count(line.limit) });
      return { label: t("line.liveGroups"), arithmetic };
    }
    case "history": {
      const base = { days: count(line.days), free: count(line.freeDays) };
      const arithmetic =
        line.status === "free"
          ? t("arith.historyFree", base)
          : line.status === "pack"
            ? t("arith.historyPack", { ...base, tier: count(line.tierDays), price: cny(line.amount) })
            : line.longestTierDays === null
              ? t("arith.historyNoTier", base)
              : t("arith.historyUnavailable", { ...base, max: count(line.longestTierDays) });
      return { label: t("line.history"), arithmetic };
    }
    case "dau":
    case "peakGroups": {
      const prefix = line.key === "dau" ? "dau" : "groups";
      const base = { peak: count(line.peak), free: count(line.free) };
      const arithmetic =
        line.units === 0
          ? t(`arith.${prefix}None`, base)
          : t(`arith.${prefix}Over`, {
              ...base,
              over: count(line.over),
              unit: count(line.unit),
              units: count(line.units),
              price: cny(line.unitPrice),
              amount: cny(line.amount),
            });
      return { label: t(`line.${line.key}`), arithmetic };
    }
    case "bandwidth": {
      const arithmetic =
        line.domesticMbps === 0 && line.internationalMbps === 0
          ? t("arith.bandwidthNone")
          : t("arith.bandwidth", {
              domestic: count(line.domesticMbps),
              domesticPrice: cny(line.domesticPerMbpsDay),
              international: count(line.internationalMbps),
              internationalPrice: cny(line.internationalPerMbpsDay),
              perDay: cny(line.perDay),
              days: line.days,
              amount: cny(line.amount),
            });
      return { label: t("line.bandwidth"), arithmetic };
    }
  }
}
