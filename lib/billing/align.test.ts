import { describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import { expiryDay, shanghaiMidnight } from "./calendar";
import { alignAmount, alignedEnd } from "./align";

/** E for an expiry day: 00:00 of the next Shanghai day. */
const endFor = (day: string) => new Date(shanghaiMidnight(day).getTime() + 86_400_000);

describe("R-LIFE-2 common expiry day", () => {
  it.each([
    ["later this month", "2027-01-10", 15, "2027-01-15", 5],
    ["next month when this month's day has passed", "2027-01-20", 5, "2027-02-05", 16],
    ["day 31 in a 30-day month is its last day", "2027-04-10", 31, "2027-04-30", 20],
    ["day 30 in February 2027 is Feb 28", "2027-02-01", 30, "2027-02-28", 27],
    ["day 29 in February 2028 (leap) is Feb 29", "2028-02-01", 29, "2028-02-29", 28],
    ["across the year end", "2027-12-20", 3, "2028-01-03", 14],
  ])("R-LIFE-2: %s", (_n, current, day, expected, days) => {
    const r = alignedEnd(endFor(current), day)!;
    expect(expiryDay(r.end)).toBe(expected);
    expect(r.days).toBe(days);
  });

  it("R-LIFE-2: an app already on that day has nothing to align", () => {
    expect(alignedEnd(endFor("2027-01-15"), 15)).toBeNull();
    // April 30 is April's "31st"
    expect(alignedEnd(endFor("2027-04-30"), 31)).toBeNull();
  });

  it("R-LIFE-2: a part-month is monthly ÷ 30 × days, rounded once", () => {
    expect(alignAmount(money("999.00"), 5).toFixed(2)).toBe("166.50");
    expect(alignAmount(money("2999.00"), 16).toFixed(2)).toBe("1599.47");
    expect(alignAmount(money("1100.00"), 1).toFixed(2)).toBe("36.67");
  });

  it("R-LIFE-2: an end that is not a midnight counts its started day", () => {
    const e = new Date(shanghaiMidnight("2027-01-11").getTime() + 3600_000); // expiry day Jan 10 (E at 01:00 on Jan 11)
    const r = alignedEnd(e, 12)!;
    expect(expiryDay(r.end)).toBe("2027-01-12");
    expect(r.days).toBe(2);
  });
});
