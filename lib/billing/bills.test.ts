import { describe, expect, it } from "vitest";
import { billLines, billTotal, monthDays, summarize, type DayFact } from "./bills";
import { arrearsBanner, arrearsSuspendAt, billStepsDue, deductAt, liftedStatus, pushAt } from "./arrears";
import { currentPriceBook } from "./price-book";
import { money } from "@/lib/money";

const book = currentPriceBook();

/** A month of day facts: every day pro, nothing used, then `f` adjusts day i (0-based). */
function month(m: string, f: (d: DayFact, i: number) => Partial<DayFact> = () => ({})): DayFact[] {
  return monthDays(m).map((day, i) => {
    const d: DayFact = {
      day,
      edition: "pro",
      suspended: false,
      historyTier: null,
      barrageHeld: false,
      dau: 0,
      groups: 0,
      liveGroups: 0,
      bandwidthDomestic: "0",
      bandwidthInternational: "0",
    };
    return { ...d, ...f(d, i) };
  });
}
const view = (lines: ReturnType<typeof billLines>) =>
  lines.map((l) => [l.item, l.quantity, l.unitPrice.toFixed(2), l.amount.toFixed(2)]);

describe("R-PRICE-1 / R-USE-3: overage lines on the month's peak", () => {
  it.each([
    ["exactly at the free DAU", 10_000, []],
    ["one over the free DAU", 10_001, [["dau_overage", "1", "1000.00", "1000.00"]]],
    ["exactly one unit over", 20_000, [["dau_overage", "1", "1000.00", "1000.00"]]],
    ["one over one unit", 20_001, [["dau_overage", "2", "1000.00", "2000.00"]]],
  ])("R-PRICE-1: %s (peak %i)", (_name, peak, expected) => {
    const lines = billLines(
      book,
      "2026-03",
      month("2026-03", (_d, i) => ({ dau: i === 9 ? peak : 50 })),
    );
    expect(view(lines)).toEqual(expected);
  });

  it.each([
    ["exactly at the free groups", 100_000, []],
    ["one over the free groups", 100_001, [["group_overage", "1", "1000.00", "1000.00"]]],
    ["one unit over", 200_000, [["group_overage", "1", "1000.00", "1000.00"]]],
    ["one over one unit", 200_001, [["group_overage", "2", "1000.00", "2000.00"]]],
  ])("R-PRICE-1: %s (peak groups %i)", (_name, peak, expected) => {
    expect(
      view(
        billLines(
          book,
          "2026-03",
          month("2026-03", (_d, i) => ({ groups: i === 0 ? peak : 1 })),
        ),
      ),
    ).toEqual(expected);
  });

  it("R-USE-3: the line names the peak, the first Shanghai day that set it and the days counted", () => {
    const [line] = billLines(
      book,
      "2026-03",
      month("2026-03", (_d, i) => ({ dau: i === 4 || i === 20 ? 25_000 : 10 })),
    );
    expect(line!.detail).toEqual({
      peak: 25_000,
      peakDay: "2026-03-05",
      free: 10_000,
      unit: 10_000,
      daysCounted: 31,
      edition: "pro",
    });
  });

  it("R-USE-3: suspended days are excluded from the peak and the days counted", () => {
    const days = month("2026-04", (_d, i) => (i >= 10 && i < 20 ? { suspended: true, dau: 90_000 } : { dau: 10_500 }));
    const lines = billLines(book, "2026-04", days);
    expect(view(lines)).toEqual([["dau_overage", "1", "1000.00", "1000.00"]]);
    expect(lines[0]!.detail).toMatchObject({ peak: 10_500, daysCounted: 20 });
  });

  it("R-USE-3: days without a paid edition are not billed at all", () => {
    expect(
      billLines(
        book,
        "2026-04",
        month("2026-04", () => ({ edition: null, dau: 50_000, historyTier: "30" })),
      ),
    ).toEqual([]);
  });

  it("R-USE-3: upgrade mid-month (pro → ultimate): one peak over both editions; ultimate's quotas apply", () => {
    const days = month("2026-05", (_d, i) => ({ edition: i < 15 ? "pro" : "ultimate", dau: i === 3 ? 30_500 : 100 }));
    const lines = billLines(book, "2026-05", days);
    expect(view(lines)).toEqual([["dau_overage", "3", "1000.00", "3000.00"]]);
    expect(lines[0]!.detail).toMatchObject({ peakDay: "2026-05-04", edition: "ultimate", daysCounted: 31 });
  });
});

describe("R-USE-3 / R-PRICE-2: the history pack by the day", () => {
  it("R-USE-3: a full 31-day month of 30-day history on pro is exactly the monthly price", () => {
    expect(
      view(
        billLines(
          book,
          "2026-03",
          month("2026-03", () => ({ historyTier: "30" })),
        ),
      ),
    ).toEqual([["history", "31", "500.00", "500.00"]]);
  });

  it("R-USE-3: February (28 days): 10 days of 90-day history on pro = 1000 × 10 ÷ 28, rounded once", () => {
    const lines = billLines(
      book,
      "2027-02",
      month("2027-02", (_d, i) => ({ historyTier: i < 10 ? "90" : null })),
    );
    expect(view(lines)).toEqual([["history", "10", "1000.00", "357.14"]]);
    expect(lines[0]!.detail).toEqual({ tier: "90", edition: "pro", daysCounted: 10, daysInMonth: 28 });
  });

  it("R-USE-3: leap February has 29 days", () => {
    expect(
      view(
        billLines(
          book,
          "2028-02",
          month("2028-02", () => ({ historyTier: "30" })),
        ),
      ),
    ).toEqual([["history", "29", "500.00", "500.00"]]);
    expect(
      view(
        billLines(
          book,
          "2028-02",
          month("2028-02", (_d, i) => ({ historyTier: i === 0 ? "30" : null })),
        ),
      ),
    ).toEqual([["history", "1", "500.00", "17.24"]]);
  });

  it(
    "R-USE-3: tier changed mid-month (30 → 180 on day 11 of a 30-day " +
      "month): one line per tier held, each rounded once",
    () => {
      const lines = billLines(
        book,
        "2026-06",
        month("2026-06", (_d, i) => ({ historyTier: i < 10 ? "30" : "180" })),
      );
      // 500 × 10 / 30 = 166.666… → 166.67; 1500 × 20 / 30 = 1000.00
      expect(view(lines)).toEqual([
        ["history", "10", "500.00", "166.67"],
        ["history", "20", "1500.00", "1000.00"],
      ]);
    },
  );

  it("R-USE-3: ultimate prices its own tiers (90 d = 500 / month); suspended days carry no history", () => {
    const lines = billLines(
      book,
      "2026-06",
      month("2026-06", (_d, i) => ({ edition: "ultimate", historyTier: "90", suspended: i >= 15 })),
    );
    expect(view(lines)).toEqual([["history", "15", "500.00", "250.00"]]);
  });
});

describe("R-USE-3 / R-PRICE-2: barrage bandwidth by the day", () => {
  it("R-USE-3: Σ (domestic peak × 2 + international peak × 4) with decimals, one line per region", () => {
    const bw = ["1.234", "0.001", "10.5"];
    const lines = billLines(
      book,
      "2026-07",
      month("2026-07", (_d, i) => ({
        barrageHeld: true,
        bandwidthDomestic: bw[i] ?? "0",
        bandwidthInternational: i === 1 ? "0.333" : "0",
      })),
    );
    expect(view(lines)).toEqual([
      ["barrage_bandwidth", "11.735", "2.00", "23.47"],
      ["barrage_bandwidth", "0.333", "4.00", "1.33"],
    ]);
    expect(lines[0]!.detail).toEqual({ region: "domestic", daysCounted: 31, peak: "10.500", peakDay: "2026-07-03" });
  });

  it("R-MONEY-1: a half cent is rounded up once on the line (0.0025 Mbps·day × 2 = 0.005 → 0.01)", () => {
    const lines = billLines(
      book,
      "2026-07",
      month("2026-07", (_d, i) => ({ barrageHeld: true, bandwidthDomestic: i < 2 ? "0.00125" : "0" })),
    );
    expect(lines[0]!.amount.toFixed(2)).toBe("0.01");
  });

  it("R-USE-3: bandwidth is billed only on days the barrage pack was held", () => {
    const lines = billLines(
      book,
      "2026-07",
      month("2026-07", (_d, i) => ({ barrageHeld: i === 0, bandwidthDomestic: "5" })),
    );
    expect(view(lines)).toEqual([["barrage_bandwidth", "5.000", "2.00", "10.00"]]);
  });

  it("R-MONEY-1: the total is the sum of the rounded lines", () => {
    const lines = billLines(
      book,
      "2026-06",
      month("2026-06", (_d, i) => ({
        historyTier: i < 10 ? "30" : "180",
        dau: 10_001,
        barrageHeld: true,
        bandwidthDomestic: "0.5",
      })),
    );
    expect(billTotal(lines).toFixed(2)).toBe("2196.67");
  });

  it("summarize is null for a month with no billable day", () => {
    expect(summarize(month("2026-07", () => ({ suspended: true })))).toBeNull();
  });
});

describe("R-LIFE-3 / R-LIFE-4: when bills happen", () => {
  it(
    "R-LIFE-3: made at 00:00 on the 1st, deducted at 00:00 on the " +
      "3rd; R-LIFE-4: arrears at 00:00 on the 8th (Shanghai)",
    () => {
      expect(pushAt("2026-12").toISOString()).toBe("2026-12-31T16:00:00.000Z");
      expect(deductAt("2026-12").toISOString()).toBe("2027-01-02T16:00:00.000Z");
      expect(arrearsSuspendAt(pushAt("2027-01")).toISOString()).toBe("2027-02-07T16:00:00.000Z");
    },
  );

  it("R-LIFE-3: the steps of a window (from, to] in time order, each boundary one second before / at", () => {
    const push = pushAt("2027-01");
    expect(billStepsDue(new Date(push.getTime() - 1000), new Date(push.getTime() - 1))).toEqual([]);
    expect(billStepsDue(new Date(push.getTime() - 1000), push)).toEqual([{ kind: "make", month: "2027-01", at: push }]);
    expect(billStepsDue(push, new Date(push.getTime() + 1000))).toEqual([]);
    const year = billStepsDue(new Date("2026-12-31T15:59:59Z"), new Date("2027-12-31T15:59:59Z"));
    expect(year).toHaveLength(36);
    expect(year.map((s) => s.kind).slice(0, 3)).toEqual(["make", "deduct", "arrears"]);
    expect(year[0]!.month).toBe("2026-12");
  });

  it("R-LIFE-4: an arrears-suspended app goes back to what its term gives, or to stopped", () => {
    const E = new Date("2027-03-01T00:00:00+08:00");
    const app = { edition: "pro" as const, expiresAt: E, disablingUntil: null };
    expect(liftedStatus(app, "enabled", new Date("2027-02-20T00:00:00+08:00"))).toEqual({
      status: "enabled",
      reason: "arrears_lifted",
    });
    expect(liftedStatus(app, "enabled", new Date("2027-03-03T00:00:00+08:00"))).toEqual({
      status: "grace",
      reason: "expired",
    });
    expect(liftedStatus(app, "enabled", new Date("2027-03-09T00:00:00+08:00"))).toEqual({
      status: "suspended",
      reason: "expired",
    });
    expect(liftedStatus(app, "stopped", new Date("2027-02-20T00:00:00+08:00"))).toEqual({
      status: "stopped",
      reason: "by_customer",
    });
    expect(liftedStatus({ edition: "trial", expiresAt: null, disablingUntil: null }, "enabled", E)).toEqual({
      status: "enabled",
      reason: "arrears_lifted",
    });
    const refunded = { edition: "pro" as const, expiresAt: E, disablingUntil: new Date(E.getTime() + 7 * 86_400_000) };
    expect(liftedStatus(refunded, "disabling", new Date(E.getTime() + 86_400_000))).toEqual({
      status: "disabling",
      reason: "refunded",
    });
  });

  it("R-LIFE-4: the banner says how much to pay and the suspension instant", () => {
    const pushed = pushAt("2027-01");
    expect(arrearsBanner(money("10.00"), pushed, pushed)).toBeNull();
    const b = arrearsBanner(money("-123.45"), pushed, pushed)!;
    expect(b.owed.toFixed(2)).toBe("123.45");
    expect(b.suspendAt.toISOString()).toBe("2027-02-07T16:00:00.000Z");
    expect(b.suspended).toBe(false);
  });
});
