/**
 * Postpaid charges of one app for one month (R-PRICE-1, R-USE-3): overage over the free DAU and
 * peak groups, the history pack by the day, barrage bandwidth by the day. Pure.
 */
import { money, roundCents, sumMoney, ZERO, type Money } from "@/lib/money";
import type { PaidEdition, PriceBook } from "./price-book";

/** R-PRICE-1: fee = ceil(max(0, peak − free) / unit) × price. */
export function overageFee(peak: number, free: number, unit: number, price: Money): { units: number; amount: Money } {
  const units = Math.ceil(Math.max(0, peak - free) / unit);
  return { units, amount: roundCents(price.times(units)) };
}

/** One day on which the app held a paid edition and was not suspended (R-USE-3). */
export type BillableDay = {
  edition: PaidEdition;
  dau: number;
  groups: number;
  /** the highest history tier held that day, in days, or null */
  historyTier: string | null;
  bandwidthDomestic: Money;
  bandwidthInternational: Money;
};

export type MonthCharges = {
  peakDau: number;
  peakGroups: number;
  dau: { units: number; amount: Money };
  groups: { units: number; amount: Money };
  history: Money;
  bandwidth: Money;
  total: Money;
};

/**
 * R-USE-3: the month's overage uses the peaks over its billable days (the edition of the last such
 * day sets the free quota); the history pack costs its monthly price ÷ days in the month per day held;
 * bandwidth costs domestic peak × 2 + international peak × 4 per day.
 */
export function monthCharges(book: PriceBook, days: BillableDay[], daysInMonth: number): MonthCharges {
  if (days.length === 0)
    return {
      peakDau: 0,
      peakGroups: 0,
      dau: { units: 0, amount: ZERO },
      groups: { units: 0, amount: ZERO },
      history: ZERO,
      bandwidth: ZERO,
      total: ZERO,
    };
  const edition = book.editions[days[days.length - 1]!.edition];
  const peakDau = Math.max(...days.map((d) => d.dau));
  const peakGroups = Math.max(...days.map((d) => d.groups));
  const dau = overageFee(peakDau, edition.limits.freeDau, book.overage.dau.unit, money(book.overage.dau.price));
  const groups = overageFee(
    peakGroups,
    edition.limits.freePeakGroups,
    book.overage.peakGroups.unit,
    money(book.overage.peakGroups.price),
  );
  const history = roundCents(
    sumMoney(
      days.map((d) => {
        const tier = d.historyTier
          ? book.packs.history.tiers[d.edition].find((t) => t.tier === d.historyTier)
          : undefined;
        return tier ? money(tier.monthly).div(daysInMonth) : ZERO;
      }),
    ),
  );
  const bandwidth = roundCents(
    sumMoney(
      days.map((d) =>
        d.bandwidthDomestic
          .times(book.barrage.domesticPerMbpsDay)
          .plus(d.bandwidthInternational.times(book.barrage.internationalPerMbpsDay)),
      ),
    ),
  );
  return {
    peakDau,
    peakGroups,
    dau,
    groups,
    history,
    bandwidth,
    total: sumMoney([dau.amount, groups.amount, history, bandwidth]),
  };
}
