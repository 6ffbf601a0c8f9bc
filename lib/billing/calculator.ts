/**
 * The public price calculator (R-CALC-1): for pro and ultimate, the monthly cost of a workload
 * (plan + packs it needs + overage R-PRICE-1 + barrage bandwidth), the cost over a term, and which
 * edition is cheaper. Every line keeps the figures of its arithmetic so the page can show it.
 * Pure: the price book is a parameter; amounts are Money, counts are integers.
 */
import { money, roundCents, sumMoney, ZERO, type Money } from "@/lib/money";
import { overageFee } from "./overage";
import type { PaidEdition, PriceBook } from "./price-book";

/** An estimate prices a month as 30 days (bandwidth is billed by the day, R-USE-3). */
export const CALC_DAYS_PER_MONTH = 30;

export const CALC_EDITIONS: readonly PaidEdition[] = ["pro", "ultimate"];

/** Whole, non-negative numbers; months 1–24. Peaks are the month's peaks. */
export type CalculatorInput = {
  dau: number;
  peakGroups: number;
  liveGroups: number;
  historyDays: number;
  /** the day's peak barrage bandwidth, assumed the same every day */
  bandwidthDomesticMbps: number;
  bandwidthInternationalMbps: number;
  months: number;
};

export type Billing = "prepaid" | "postpaid";

export type PlanLine = { key: "plan"; billing: "prepaid"; amount: Money };

/** `limit` null: the edition has no live-group cap. */
export type LiveGroupsLine = {
  key: "liveGroups";
  billing: "prepaid";
  needed: number;
  limit: number | null;
  pack: boolean;
  amount: Money;
};

export type HistoryLine = { key: "history"; billing: "postpaid"; days: number; freeDays: number } & (
  | { status: "free"; amount: Money }
  | { status: "pack"; tierDays: number; amount: Money }
  /** no tier is long enough: the edition cannot meet the need */
  | { status: "unavailable"; longestTierDays: number | null; amount: null }
);

/** R-PRICE-1: `units` started blocks of `unit` over the free quota, each at `unitPrice`. */
export type OverageLine = {
  key: "dau" | "peakGroups";
  billing: "postpaid";
  peak: number;
  free: number;
  over: number;
  unit: number;
  units: number;
  unitPrice: Money;
  amount: Money;
};

export type BandwidthLine = {
  key: "bandwidth";
  billing: "postpaid";
  domesticMbps: number;
  internationalMbps: number;
  domesticPerMbpsDay: Money;
  internationalPerMbpsDay: Money;
  perDay: Money;
  days: number;
  amount: Money;
};

export type CalcLine = PlanLine | LiveGroupsLine | HistoryLine | OverageLine | BandwidthLine;

export type Totals = {
  prepaidMonthly: Money;
  postpaidMonthly: Money;
  monthly: Money;
  months: number;
  /** paid up front for the term */
  prepaidTerm: Money;
  /** billed month by month on actual usage; this is the estimate */
  postpaidTerm: Money;
  term: Money;
};

export type EditionEstimate = { edition: PaidEdition; lines: CalcLine[] } & (
  | { kind: "ok"; totals: Totals }
  | { kind: "cannot_meet"; unmet: CalcLine["key"][] }
);

export type Verdict =
  | { kind: "cheaper"; edition: PaidEdition; monthlySaving: Money; termSaving: Money }
  | { kind: "equal" }
  /** the other edition cannot meet a requirement */
  | { kind: "only"; edition: PaidEdition }
  | { kind: "neither" };

export type CalculatorResult = {
  priceBook: string;
  input: CalculatorInput;
  editions: Record<PaidEdition, EditionEstimate>;
  verdict: Verdict;
};

export function calculate(book: PriceBook, input: CalculatorInput): CalculatorResult {
  checkInput(input);
  const pro = estimateEdition(book, "pro", input);
  const ultimate = estimateEdition(book, "ultimate", input);
  return { priceBook: book.version, input, editions: { pro, ultimate }, verdict: verdictOf(pro, ultimate) };
}

export function estimateEdition(book: PriceBook, edition: PaidEdition, input: CalculatorInput): EditionEstimate {
  const limits = book.editions[edition].limits;
  const lines: CalcLine[] = [
    { key: "plan", billing: "prepaid", amount: roundCents(money(book.editions[edition].monthly)) },
    liveGroupsLine(book, edition, input.liveGroups),
    historyLine(book, edition, input.historyDays),
    overageLine("dau", input.dau, limits.freeDau, book.overage.dau),
    overageLine("peakGroups", input.peakGroups, limits.freePeakGroups, book.overage.peakGroups),
    bandwidthLine(book, input.bandwidthDomesticMbps, input.bandwidthInternationalMbps),
  ];
  const unmet = lines.filter((l) => l.amount === null).map((l) => l.key);
  if (unmet.length > 0) return { edition, lines, kind: "cannot_meet", unmet };
  return { edition, lines, kind: "ok", totals: totalsOf(lines, input.months) };
}

function liveGroupsLine(book: PriceBook, edition: PaidEdition, needed: number): LiveGroupsLine {
  const cap = book.editions[edition].limits.liveGroups;
  const limit = cap < 0 ? null : cap;
  if (limit === null || needed <= limit)
    return { key: "liveGroups", billing: "prepaid", needed, limit, pack: false, amount: ZERO };
  const tier = book.packs.live_groups_unlimited.tiers[edition][0];
  // Every capped edition is offered the pack today; a price book without it would be a data error.
  if (!tier) throw new Error(`price book ${book.version}: live_groups_unlimited is not offered to ${edition}`);
  return { key: "liveGroups", billing: "prepaid", needed, limit, pack: true, amount: roundCents(money(tier.monthly)) };
}

function historyLine(book: PriceBook, edition: PaidEdition, days: number): HistoryLine {
  const freeDays = book.editions[edition].limits.historyDays;
  const base = { key: "history", billing: "postpaid", days, freeDays } as const;
  if (days <= freeDays) return { ...base, status: "free", amount: ZERO };
  const tiers = book.packs.history.tiers[edition]
    .map((t) => ({ days: t.value ?? Number(t.tier), monthly: t.monthly }))
    .sort((a, b) => a.days - b.days);
  const tier = tiers.find((t) => t.days >= days);
  if (!tier) return { ...base, status: "unavailable", longestTierDays: tiers.at(-1)?.days ?? null, amount: null };
  return { ...base, status: "pack", tierDays: tier.days, amount: roundCents(money(tier.monthly)) };
}

function overageLine(
  key: OverageLine["key"],
  peak: number,
  free: number,
  rule: { unit: number; price: string },
): OverageLine {
  const unitPrice = money(rule.price);
  const { units, amount } = overageFee(peak, free, rule.unit, unitPrice);
  return {
    key,
    billing: "postpaid",
    peak,
    free,
    over: Math.max(0, peak - free),
    unit: rule.unit,
    units,
    unitPrice,
    amount,
  };
}

function bandwidthLine(book: PriceBook, domesticMbps: number, internationalMbps: number): BandwidthLine {
  const domesticPerMbpsDay = money(book.barrage.domesticPerMbpsDay);
  const internationalPerMbpsDay = money(book.barrage.internationalPerMbpsDay);
  const perDay = domesticPerMbpsDay.times(domesticMbps).plus(internationalPerMbpsDay.times(internationalMbps));
  return {
    key: "bandwidth",
    billing: "postpaid",
    domesticMbps,
    internationalMbps,
    domesticPerMbpsDay,
    internationalPerMbpsDay,
    perDay,
    days: CALC_DAYS_PER_MONTH,
    amount: roundCents(perDay.times(CALC_DAYS_PER_MONTH)),
  };
}

function totalsOf(lines: CalcLine[], months: number): Totals {
  const sum = (billing: Billing) =>
    roundCents(sumMoney(lines.filter((l) => l.billing === billing).map((l) => l.amount ?? ZERO)));
  const prepaidMonthly = sum("prepaid");
  const postpaidMonthly = sum("postpaid");
  const monthly = roundCents(prepaidMonthly.plus(postpaidMonthly));
  const prepaidTerm = roundCents(prepaidMonthly.times(months));
  const postpaidTerm = roundCents(postpaidMonthly.times(months));
  return {
    prepaidMonthly,
    postpaidMonthly,
    monthly,
    months,
    prepaidTerm,
    postpaidTerm,
    term: roundCents(prepaidTerm.plus(postpaidTerm)),
  };
}

/** An edition that cannot meet a requirement is never the cheaper one. */
export function verdictOf(pro: EditionEstimate, ultimate: EditionEstimate): Verdict {
  if (pro.kind !== "ok" && ultimate.kind !== "ok") return { kind: "neither" };
  if (pro.kind !== "ok") return { kind: "only", edition: "ultimate" };
  if (ultimate.kind !== "ok") return { kind: "only", edition: "pro" };
  const diff = pro.totals.monthly.minus(ultimate.totals.monthly);
  if (diff.isZero()) return { kind: "equal" };
  const [cheap, dear] = diff.isNeg() ? [pro, ultimate] : [ultimate, pro];
  return {
    kind: "cheaper",
    edition: cheap.edition,
    monthlySaving: roundCents(dear.totals.monthly.minus(cheap.totals.monthly)),
    termSaving: roundCents(dear.totals.term.minus(cheap.totals.term)),
  };
}

function checkInput(input: CalculatorInput): void {
  const counts = [
    input.dau,
    input.peakGroups,
    input.liveGroups,
    input.historyDays,
    input.bandwidthDomesticMbps,
    input.bandwidthInternationalMbps,
  ];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0))
    throw new RangeError("calculator inputs must be whole numbers ≥ 0");
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 24)
    throw new RangeError("months must be 1–24");
}
