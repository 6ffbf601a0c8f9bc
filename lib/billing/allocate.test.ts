import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { money, sumMoney } from "@/lib/money";
import { allocate } from "./allocate";

const s = (xs: string[]) => xs.map((x) => money(x));
const str = (xs: ReturnType<typeof allocate>) => xs.map((x) => x.toFixed(2));

describe("R-REF-3 allocation of an order's payment over its lines", () => {
  it.each([
    ["R-REF-3: proportional", "300.00", ["999.00", "1000.00", "500.00"], ["119.93", "120.05", "60.02"]],
    ["R-REF-3: all to one line", "99.90", ["99.90"], ["99.90"]],
    ["R-REF-3: a cent left over goes to the largest remainder", "0.01", ["1.00", "1.00"], ["0.01", "0.00"]],
    ["R-REF-3: zero weights get nothing", "10.00", ["0.00", "10.00"], ["0.00", "10.00"]],
    ["R-REF-3: nothing to allocate", "0.00", ["5.00", "7.00"], ["0.00", "0.00"]],
  ])("%s", (_n, total, weights, expected) => {
    expect(str(allocate(money(total), s(weights)))).toEqual(expected);
  });

  it("R-REF-3: shares sum to the total and never exceed their line (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cents, ratio) => {
          const weights = cents.map((c) => money(c).div(100));
          const sum = sumMoney(weights);
          const total = sum.times(ratio).toDecimalPlaces(2, 1);
          const out = allocate(total, weights);
          expect(sumMoney(out).eq(total)).toBe(true);
          for (const [i, o] of out.entries()) expect(o.lte(weights[i]!) && o.gte(0)).toBe(true);
        },
      ),
    );
  });
});
