import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculate, type CalcLine, type CalculatorInput, type EditionEstimate } from "./calculator";
import { currentPriceBook, type PaidEdition, type PriceBook } from "./price-book";

const book = currentPriceBook();

/** The page's defaults: a workload inside every free quota. */
const input = (over: Partial<CalculatorInput> = {}): CalculatorInput => ({
  dau: 5_000,
  peakGroups: 50_000,
  liveGroups: 10,
  historyDays: 7,
  bandwidthDomesticMbps: 0,
  bandwidthInternationalMbps: 0,
  months: 1,
  ...over,
});

/** A price book changed for one test (the calculator takes the book as a parameter). */
function bookWith(change: (b: PriceBook) => void): PriceBook {
  const b = structuredClone(book);
  change(b);
  return b;
}

function line<K extends CalcLine["key"]>(e: EditionEstimate, key: K): CalcLine & { key: K } {
  const found = e.lines.find((l) => l.key === key);
  if (!found) throw new Error(`no ${key} line`);
  return found as CalcLine & { key: K };
}

function totals(e: EditionEstimate) {
  if (e.kind !== "ok") throw new Error(`${e.edition} cannot meet ${e.unmet.join(", ")}`);
  return e.totals;
}

const est = (edition: PaidEdition, over: Partial<CalculatorInput>) => calculate(book, input(over)).editions[edition];
const amount = (l: { amount: { toFixed(n: number): string } | null }) => l.amount?.toFixed(2) ?? null;

describe("R-PRICE-1 overage in the calculator", () => {
  it.each([
    [0, 0, 0, "0.00"],
    [10_000, 0, 0, "0.00"],
    [10_001, 1, 1, "1000.00"],
    [20_000, 10_000, 1, "1000.00"],
    [25_000, 15_000, 2, "2000.00"],
    [100_000, 90_000, 9, "9000.00"],
  ])("R-PRICE-1: DAU %i → %i over → %i started 10,000 → %s on both editions", (dau, over, units, fee) => {
    for (const edition of ["pro", "ultimate"] as const) {
      const l = line(est(edition, { dau }), "dau");
      expect([l.peak, l.free, l.over, l.unit, l.units, l.unitPrice.toFixed(2), amount(l)]).toEqual([
        dau,
        10_000,
        over,
        10_000,
        units,
        "1000.00",
        fee,
      ]);
    }
  });

  it.each([
    [100_000, 0, 0, "0.00"],
    [100_001, 1, 1, "1000.00"],
    [250_000, 150_000, 2, "2000.00"],
  ])(
    "R-PRICE-1: peak groups %i → %i over → %i started 100,000 → %s on both editions",
    (peakGroups, over, units, fee) => {
      for (const edition of ["pro", "ultimate"] as const) {
        const l = line(est(edition, { peakGroups }), "peakGroups");
        expect([l.free, l.over, l.unit, l.units, amount(l)]).toEqual([100_000, over, 100_000, units, fee]);
      }
    },
  );
});

describe("R-PRICE-2 packs the workload needs", () => {
  it.each([
    ["pro", 50, false, 50, "0.00"],
    ["pro", 51, true, 50, "1000.00"],
    ["pro", 60, true, 50, "1000.00"],
    ["ultimate", 60, false, null, "0.00"],
    ["ultimate", 100_000, false, null, "0.00"],
  ] as const)(
    "R-PRICE-2: %s with %i live groups → pack %s (limit %s) → %s",
    (edition, liveGroups, pack, limit, fee) => {
      const l = line(est(edition, { liveGroups }), "liveGroups");
      expect([l.billing, l.pack, l.limit, amount(l)]).toEqual(["prepaid", pack, limit, fee]);
    },
  );

  it.each([
    ["pro", 7, "free", null, "0.00"],
    ["pro", 8, "pack", 30, "500.00"],
    ["pro", 30, "pack", 30, "500.00"],
    ["pro", 90, "pack", 90, "1000.00"],
    ["pro", 100, "pack", 180, "1500.00"],
    ["pro", 360, "pack", 360, "2500.00"],
    ["ultimate", 30, "free", null, "0.00"],
    ["ultimate", 31, "pack", 90, "500.00"],
    ["ultimate", 90, "pack", 90, "500.00"],
    ["ultimate", 180, "pack", 180, "1000.00"],
    ["ultimate", 360, "pack", 360, "2000.00"],
  ] as const)(
    "R-PRICE-2: %s needing %i days of history → %s, tier %s → %s a month",
    (edition, historyDays, status, tierDays, fee) => {
      const l = line(est(edition, { historyDays }), "history");
      expect([l.billing, l.status, l.status === "pack" ? l.tierDays : null, amount(l)]).toEqual([
        "postpaid",
        status,
        tierDays,
        fee,
      ]);
    },
  );

  it("R-PRICE-2: 361 days of history is longer than every tier: neither edition can meet it, no total", () => {
    const r = calculate(book, input({ historyDays: 361 }));
    for (const e of [r.editions.pro, r.editions.ultimate]) {
      expect(e.kind).toBe("cannot_meet");
      if (e.kind === "cannot_meet") expect(e.unmet).toEqual(["history"]);
      const l = line(e, "history");
      expect([l.status, l.status === "unavailable" ? l.longestTierDays : 0, l.amount]).toEqual([
        "unavailable",
        360,
        null,
      ]);
    }
    expect(r.verdict).toEqual({ kind: "neither" });
  });

  it.each([
    [10, 1, "24.00", "720.00"],
    [0, 0, "0.00", "0.00"],
    [0, 3, "12.00", "360.00"],
    [150, 0, "300.00", "9000.00"],
  ])(
    "R-PRICE-2: barrage bandwidth %i Mbps domestic + %i international → %s a day × 30 days = %s",
    (d, i, perDay, fee) => {
      for (const edition of ["pro", "ultimate"] as const) {
        const l = line(est(edition, { bandwidthDomesticMbps: d, bandwidthInternationalMbps: i }), "bandwidth");
        expect([l.billing, l.perDay.toFixed(2), l.days, amount(l)]).toEqual(["postpaid", perDay, 30, fee]);
      }
    },
  );
});

describe("R-CALC-1 monthly and term cost, cheaper edition", () => {
  it("R-CALC-1: the defaults fit every free quota: the plan price only; pro is cheaper by 2,000.00", () => {
    const r = calculate(book, input());
    expect(r.priceBook).toBe(book.version);
    expect(r.editions.pro.lines.map((l) => l.key)).toEqual([
      "plan",
      "liveGroups",
      "history",
      "dau",
      "peakGroups",
      "bandwidth",
    ]);
    expect(totals(r.editions.pro).monthly.toFixed(2)).toBe("999.00");
    expect(totals(r.editions.ultimate).monthly.toFixed(2)).toBe("2999.00");
    expect(r.verdict).toMatchObject({ kind: "cheaper", edition: "pro" });
    if (r.verdict.kind === "cheaper")
      expect([r.verdict.monthlySaving.toFixed(2), r.verdict.termSaving.toFixed(2)]).toEqual(["2000.00", "2000.00"]);
  });

  it(
    "R-CALC-1: monthly = plan + prepaid packs + postpaid packs + overage + " +
      "bandwidth; 12 months = 12 × monthly, split prepaid/postpaid",
    () => {
      const over = {
        dau: 25_000,
        peakGroups: 100_001,
        liveGroups: 60,
        historyDays: 90,
        bandwidthDomesticMbps: 10,
        bandwidthInternationalMbps: 1,
        months: 12,
      };
      const r = calculate(book, input(over));
      const pro = totals(r.editions.pro);
      // prepaid 999 + 1,000 live pack; postpaid 1,000 history + 2,000 DAU + 1,000 groups + 720 bandwidth
      expect([pro.prepaidMonthly, pro.postpaidMonthly, pro.monthly].map((m) => m.toFixed(2))).toEqual([
        "1999.00",
        "4720.00",
        "6719.00",
      ]);
      expect([pro.months, pro.prepaidTerm.toFixed(2), pro.postpaidTerm.toFixed(2), pro.term.toFixed(2)]).toEqual([
        12,
        "23988.00",
        "56640.00",
        "80628.00",
      ]);
      const ult = totals(r.editions.ultimate);
      // prepaid 2,999; postpaid 500 history + 2,000 + 1,000 + 720
      expect([ult.prepaidMonthly, ult.postpaidMonthly, ult.monthly, ult.term].map((m) => m.toFixed(2))).toEqual([
        "2999.00",
        "4220.00",
        "7219.00",
        "86628.00",
      ]);
      expect(r.verdict).toMatchObject({ kind: "cheaper", edition: "pro" });
      if (r.verdict.kind === "cheaper")
        expect([r.verdict.monthlySaving.toFixed(2), r.verdict.termSaving.toFixed(2)]).toEqual(["500.00", "6000.00"]);
    },
  );

  it.each([1, 3, 24])("R-CALC-1: %i months is months × monthly", (months) => {
    const t = totals(est("ultimate", { months, historyDays: 180, dau: 31_000 }));
    expect(t.monthly.toFixed(2)).toBe("6999.00");
    expect(t.term.toFixed(2)).toBe(t.monthly.times(months).toFixed(2));
  });

  it(
    "R-CALC-1: with price book 2026-01 the gap between the plans (2,000.00) is more than pro's " +
      "packs can add (1,000.00 live + 500.00 history), so pro wins every feasible workload",
    () => {
      const workload = fc.record({
        dau: fc.integer({ min: 0, max: 10_000_000 }),
        peakGroups: fc.integer({ min: 0, max: 100_000_000 }),
        liveGroups: fc.integer({ min: 0, max: 1_000_000 }),
        historyDays: fc.integer({ min: 0, max: 360 }),
        bandwidthDomesticMbps: fc.integer({ min: 0, max: 100_000 }),
        bandwidthInternationalMbps: fc.integer({ min: 0, max: 100_000 }),
        months: fc.integer({ min: 1, max: 24 }),
      });
      fc.assert(
        fc.property(workload, (w) => {
          const r = calculate(book, w);
          const gap = totals(r.editions.ultimate).monthly.minus(totals(r.editions.pro).monthly);
          expect(gap.gte(500)).toBe(true);
          expect(r.verdict.kind === "cheaper" && r.verdict.edition).toBe("pro");
        }),
      );
    },
  );

  it(
    "R-CALC-1: ultimate wins when pro needs the live-group pack and a " +
      "long history and the pack costs more (price book changed)",
    () => {
      const dear = bookWith((b) => {
        b.packs.live_groups_unlimited.tiers.pro = [{ tier: null, monthly: "2000.00" }];
      });
      const r = calculate(dear, input({ liveGroups: 200, historyDays: 360, months: 12 }));
      // pro 999 + 2,000 + 2,500 = 5,499; ultimate 2,999 + 2,000 = 4,999
      expect([totals(r.editions.pro).monthly.toFixed(2), totals(r.editions.ultimate).monthly.toFixed(2)]).toEqual([
        "5499.00",
        "4999.00",
      ]);
      expect(r.verdict).toMatchObject({ kind: "cheaper", edition: "ultimate" });
      if (r.verdict.kind === "cheaper")
        expect([r.verdict.monthlySaving.toFixed(2), r.verdict.termSaving.toFixed(2)]).toEqual(["500.00", "6000.00"]);
    },
  );

  it("R-CALC-1: equal monthly totals are equal, neither is cheaper", () => {
    const same = bookWith((b) => {
      b.editions.ultimate.monthly = "1999.00";
    });
    const r = calculate(same, input({ liveGroups: 60 }));
    expect(r.verdict).toEqual({ kind: "equal" });
  });

  it("R-CALC-1: an edition that cannot meet a requirement is not the cheaper one, however low its price", () => {
    const longer = bookWith((b) => {
      b.packs.history.tiers.ultimate.push({ tier: "720", monthly: "3000.00", value: 720 });
    });
    const r = calculate(longer, input({ historyDays: 720 }));
    expect(r.editions.pro.kind).toBe("cannot_meet");
    expect(totals(r.editions.ultimate).monthly.toFixed(2)).toBe("5999.00");
    expect(r.verdict).toEqual({ kind: "only", edition: "ultimate" });
  });

  it.each([[{ dau: -1 }], [{ liveGroups: 1.5 }], [{ months: 0 }], [{ months: 25 }]])(
    "R-CALC-1: input outside what the page accepts (%j) is refused, not priced",
    (over) => {
      expect(() => calculate(book, input(over))).toThrow(RangeError);
    },
  );
});
