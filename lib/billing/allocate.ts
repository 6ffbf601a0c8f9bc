/** Splits an order-level amount over its lines in proportion to their amounts, to the cent. Pure. */
import { money, sumMoney, ZERO, type Money } from "@/lib/money";

/**
 * Largest-remainder allocation: each line gets its proportional share rounded down to the cent,
 * and the cents left go one by one to the lines with the largest remainders (ties: earlier line).
 * The shares sum to `total` exactly and no share exceeds its weight when total ≤ Σ weights.
 */
export function allocate(total: Money, weights: Money[]): Money[] {
  const sum = sumMoney(weights);
  if (weights.length === 0) return [];
  if (sum.isZero()) return weights.map(() => ZERO);
  const cents = total.times(100);
  const exact = weights.map((w) => cents.times(w).div(sum));
  const floors = exact.map((e) => e.floor());
  let left = cents.minus(sumMoney(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(floors[i]!) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const out = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = out[i]!.plus(1);
    left -= 1;
  }
  return out.map((c) => money(c).div(100));
}
