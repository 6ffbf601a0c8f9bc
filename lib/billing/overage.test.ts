import { describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import { monthCharges, overageFee, type BillableDay } from "./overage";
import { currentPriceBook } from "./price-book";

const book = currentPriceBook();
const day = (over: Partial<BillableDay> = {}): BillableDay => ({
  edition: "pro",
  dau: 0,
  groups: 0,
  historyTier: null,
  bandwidthDomestic: money(0),
  bandwidthInternational: money(0),
  ...over,
});

describe("R-PRICE-1 overage", () => {
  it.each([
    [10_000, 0, "0.00"],
    [10_001, 1, "1000.00"],
    [20_000, 1, "1000.00"],
    [25_000, 2, "2000.00"],
    [0, 0, "0.00"],
  ])("R-PRICE-1: peak DAU %i → %i started 10,000 → %s", (peak, units, amount) => {
    const r = overageFee(peak, 10_000, 10_000, money("1000.00"));
    expect([r.units, r.amount.toFixed(2)]).toEqual([units, amount]);
  });

  it("R-PRICE-1: peak groups 100,001 → one started 100,000 → 1,000.00", () => {
    expect(overageFee(100_001, 100_000, 100_000, money("1000.00")).amount.toFixed(2)).toBe("1000.00");
  });
});

describe("R-USE-3 a month's postpaid charges", () => {
  it("R-USE-3: peaks over the billable days; history by the day; bandwidth by the day", () => {
    const days = [
      day({
        dau: 12_000,
        groups: 50_000,
        historyTier: "90",
        bandwidthDomestic: money("10"),
        bandwidthInternational: money("1"),
      }),
      day({ dau: 31_000, groups: 120_000, historyTier: "90" }),
      day({ dau: 5_000, groups: 90_000, historyTier: null, bandwidthDomestic: money("2.5") }),
    ];
    const m = monthCharges(book, days, 30);
    expect([m.peakDau, m.peakGroups]).toEqual([31_000, 120_000]);
    expect(m.dau.amount.toFixed(2)).toBe("3000.00");
    expect(m.groups.amount.toFixed(2)).toBe("1000.00");
    // pro 90 days is 1,000.00 a month: 2 days of a 30-day month
    expect(m.history.toFixed(2)).toBe("66.67");
    // (10 × 2 + 1 × 4) + (2.5 × 2)
    expect(m.bandwidth.toFixed(2)).toBe("29.00");
    expect(m.total.toFixed(2)).toBe("4095.67");
  });

  it("R-USE-3: no billable day, nothing to pay", () => {
    expect(monthCharges(book, [], 31).total.toFixed(2)).toBe("0.00");
  });
});
