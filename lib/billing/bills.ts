/**
 * The monthly bill of one app (R-LIFE-3, R-USE-3, R-PRICE-1/2, R-MONEY-1). Pure: the days of the
 * month with what the app held and used each day go in, bill lines come out.
 *
 * A day is **billable** when at some instant of that Shanghai day the app was inside a paid plan
 * term and not suspended (see docs/decisions.md, "Bills"). The caller decides that per day; this
 * module only prices. The set-based service aggregates in SQL and calls `linesFromSummary`;
 * `billLines` (day facts in) is the same rule through `summarize`, so both paths give one answer.
 */
import { money, roundCents, sumMoney, type Money } from "@/lib/money";
import { overageFee } from "./overage";
import type { PaidEdition, PriceBook } from "./price-book";
import { daysInMonth } from "./calendar";

export const BILL_ITEMS = ["dau_overage", "group_overage", "history", "barrage_bandwidth"] as const;
export type BillItem = (typeof BILL_ITEMS)[number];

/** One Shanghai day of the month for one app. */
export type DayFact = {
  /** "YYYY-MM-DD" */
  day: string;
  /** the highest paid edition held at a billable instant of the day; null: no paid edition that day */
  edition: PaidEdition | null;
  /** suspended for the whole of the day's paid time (the caller folds part-day suspensions in) */
  suspended: boolean;
  /** the highest history tier held that day ("30", "90", …) or null */
  historyTier: string | null;
  barrageHeld: boolean;
  dau: number;
  groups: number;
  liveGroups: number;
  /** Mbps, decimal strings */
  bandwidthDomestic: string;
  bandwidthInternational: string;
};

/** What the month comes to for one app, aggregated over its billable days (the SQL computes the same). */
export type MonthSummary = {
  daysCounted: number;
  /** the edition of the last billable day (sets the free quotas) */
  lastEdition: PaidEdition;
  peakDau: number;
  /** the first billable day with the peak */
  peakDauDay: string;
  peakGroups: number;
  peakGroupsDay: string;
  /** days counted per (edition, tier) of the history pack */
  history: { edition: PaidEdition; tier: string; days: number }[];
  /** billable days with the barrage pack and the sums of their peaks (Mbps·day) */
  barrage: {
    days: number;
    domestic: string;
    international: string;
    peakDomestic: string;
    peakDomesticDay: string | null;
    peakInternational: string;
    peakInternationalDay: string | null;
  };
};

export type BillLine = {
  item: BillItem;
  /** units of 10,000 DAU / 100,000 groups, days of history, Mbps·day of bandwidth (decimal string) */
  quantity: string;
  unitPrice: Money;
  amount: Money;
  detail: Record<string, unknown>;
};

const RANK: Record<PaidEdition, number> = { pro: 1, ultimate: 2 };

/** "YYYY-MM" → its year, 0-based month and day count. Throws on a malformed month. */
export function parseMonth(month: string): { y: number; m: number; days: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`malformed month: ${JSON.stringify(month)}`);
  const y = Number(match[1]);
  const m = Number(match[2]) - 1;
  return { y, m, days: daysInMonth(y, m) };
}

/** The Shanghai days of a month, "YYYY-MM-01" … */
export function monthDays(month: string): string[] {
  const { days } = parseMonth(month);
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

export function isBillable(d: DayFact): boolean {
  return d.edition !== null && !d.suspended;
}

/** R-USE-3 over day facts: the same aggregate the bill service computes in SQL. Null: no billable day. */
export function summarize(days: DayFact[]): MonthSummary | null {
  const billable = days.filter(isBillable).sort((a, b) => a.day.localeCompare(b.day));
  if (billable.length === 0) return null;
  const peak = (f: (d: DayFact) => Money, of: DayFact[]) => {
    let best: DayFact | null = null;
    for (const d of of) if (!best || f(d).gt(f(best))) best = d;
    return best;
  };
  const dauDay = peak((d) => money(d.dau), billable)!;
  const groupsDay = peak((d) => money(d.groups), billable)!;
  const history = new Map<string, { edition: PaidEdition; tier: string; days: number }>();
  for (const d of billable) {
    if (!d.historyTier) continue;
    const k = `${d.edition}|${d.historyTier}`;
    const h = history.get(k) ?? { edition: d.edition!, tier: d.historyTier, days: 0 };
    h.days += 1;
    history.set(k, h);
  }
  const bw = billable.filter((d) => d.barrageHeld);
  const dom = peak((d) => money(d.bandwidthDomestic), bw);
  const intl = peak((d) => money(d.bandwidthInternational), bw);
  return {
    daysCounted: billable.length,
    lastEdition: billable[billable.length - 1]!.edition!,
    peakDau: dauDay.dau,
    peakDauDay: dauDay.day,
    peakGroups: groupsDay.groups,
    peakGroupsDay: groupsDay.day,
    history: [...history.values()].sort((a, b) => RANK[a.edition] - RANK[b.edition] || Number(a.tier) - Number(b.tier)),
    barrage: {
      days: bw.length,
      domestic: sumMoney(bw.map((d) => money(d.bandwidthDomestic))).toString(),
      international: sumMoney(bw.map((d) => money(d.bandwidthInternational))).toString(),
      peakDomestic: dom ? money(dom.bandwidthDomestic).toString() : "0",
      peakDomesticDay: dom && money(dom.bandwidthDomestic).gt(0) ? dom.day : null,
      peakInternational: intl ? money(intl.bandwidthInternational).toString() : "0",
      peakInternationalDay: intl && money(intl.bandwidthInternational).gt(0) ? intl.day : null,
    },
  };
}

/**
 * The lines of one app's month from its summary. Lines with nothing to charge are left out.
 * Each line's amount is rounded once, half-up, to 0.01 (R-MONEY-1):
 * - dau_overage / group_overage: quantity = started units over the free quota (R-PRICE-1), unitPrice 1,000.
 * - history: one line per (edition, tier) held; quantity = days, unitPrice = the tier's monthly price,
 *   amount = unitPrice × days ÷ days in the month (R-USE-3).
 * - barrage_bandwidth: one line per region with traffic; quantity = Σ daily peaks (Mbps·day), unitPrice 2 / 4.
 */
export function linesFromSummary(book: PriceBook, month: string, s: MonthSummary | null): BillLine[] {
  if (!s) return [];
  const { days: dim } = parseMonth(month);
  const limits = book.editions[s.lastEdition].limits;
  const lines: BillLine[] = [];
  const dau = overageFee(s.peakDau, limits.freeDau, book.overage.dau.unit, money(book.overage.dau.price));
  if (dau.units > 0) {
    lines.push({
      item: "dau_overage",
      quantity: String(dau.units),
      unitPrice: money(book.overage.dau.price),
      amount: dau.amount,
      detail: {
        peak: s.peakDau,
        peakDay: s.peakDauDay,
        free: limits.freeDau,
        unit: book.overage.dau.unit,
        daysCounted: s.daysCounted,
        edition: s.lastEdition,
      },
    });
  }
  const groups = overageFee(
    s.peakGroups,
    limits.freePeakGroups,
    book.overage.peakGroups.unit,
    money(book.overage.peakGroups.price),
  );
  if (groups.units > 0) {
    lines.push({
      item: "group_overage",
      quantity: String(groups.units),
      unitPrice: money(book.overage.peakGroups.price),
      amount: groups.amount,
      detail: {
        peak: s.peakGroups,
        peakDay: s.peakGroupsDay,
        free: limits.freePeakGroups,
        unit: book.overage.peakGroups.unit,
        daysCounted: s.daysCounted,
        edition: s.lastEdition,
      },
    });
  }
  for (const h of s.history) {
    const tier = book.packs.history.tiers[h.edition].find((t) => t.tier === h.tier);
    if (!tier || h.days === 0) continue;
    const monthly = money(tier.monthly);
    lines.push({
      item: "history",
      quantity: String(h.days),
      unitPrice: monthly,
      amount: roundCents(monthly.times(h.days).div(dim)),
      detail: { tier: h.tier, edition: h.edition, daysCounted: h.days, daysInMonth: dim },
    });
  }
  const regions = [
    {
      region: "domestic",
      sum: s.barrage.domestic,
      price: book.barrage.domesticPerMbpsDay,
      peak: s.barrage.peakDomestic,
      peakDay: s.barrage.peakDomesticDay,
    },
    {
      region: "international",
      sum: s.barrage.international,
      price: book.barrage.internationalPerMbpsDay,
      peak: s.barrage.peakInternational,
      peakDay: s.barrage.peakInternationalDay,
    },
  ] as const;
  for (const r of regions) {
    const q = money(r.sum);
    if (q.lte(0)) continue;
    lines.push({
      item: "barrage_bandwidth",
      quantity: q.toFixed(3),
      unitPrice: money(r.price),
      amount: roundCents(q.times(r.price)),
      detail: { region: r.region, daysCounted: s.barrage.days, peak: money(r.peak).toFixed(3), peakDay: r.peakDay },
    });
  }
  return lines;
}

/** R-LIFE-3 / R-USE-3: one app's bill lines for `month` from its day facts. */
export function billLines(book: PriceBook, month: string, days: DayFact[]): BillLine[] {
  return linesFromSummary(book, month, summarize(days));
}

export function billTotal(lines: { amount: Money }[]): Money {
  return roundCents(sumMoney(lines.map((l) => l.amount)));
}
