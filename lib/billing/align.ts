/**
 * Common expiry day (统一到期日, R-LIFE-2): extend a term to the next occurrence of a chosen day of
 * the month, charging the part-month at monthly price ÷ 30 × days. Pure.
 */
import { roundCents, type Money } from "@/lib/money";
import { addDays, DAY_MS, daysInMonth, expiryDay, shanghaiMidnight } from "./calendar";

/**
 * The new end E' so that the expiry day (the day before E') is the next occurrence of `day` after the
 * current expiry day. A month without that day uses its last day (day 31 in April → April 30).
 * null when the expiry day already is that day.
 */
export function alignedEnd(end: Date, day: number): { end: Date; days: number } | null {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`day must be 1..31, got ${day}`);
  const current = expiryDay(end);
  let [y, m] = current.split("-").map(Number) as [number, number];
  for (let i = 0; i < 2; i++) {
    const d = Math.min(day, daysInMonth(y, m - 1));
    const candidate = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (candidate === current && i === 0) return null;
    if (candidate > current) {
      const next = shanghaiMidnight(addDays(candidate, 1));
      // whole Shanghai days, a started day counting as one
      return { end: next, days: Math.ceil((next.getTime() - end.getTime()) / DAY_MS) };
    }
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  throw new Error("unreachable: the next month always has the day or its last day");
}

/** R-LIFE-2: monthly price ÷ 30 × days, rounded once to the cent. */
export function alignAmount(monthly: Money, days: number): Money {
  return roundCents(monthly.div(30).times(days));
}
