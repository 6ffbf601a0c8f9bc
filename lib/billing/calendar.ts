import { money, type Money } from "@/lib/money";

/**
 * Shanghai calendar arithmetic (R-TIME-1, R-TIME-2, R-BUY-5). Pure: every instant comes in as a
 * parameter. Shanghai has no DST, so shifting an instant by +8 h and reading its UTC fields gives
 * the Shanghai wall clock without ever touching the host time zone.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai, UTC+8, no DST (R-TIME-1)
/** One Shanghai day (no DST, so always 24 h). */
export const DAY_MS = 24 * 3600 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkInstant(at: Date): number {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError("invalid instant");
  return t;
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** Shanghai wall-clock fields of an instant (month 0-based, like Date). */
function fields(at: Date): { y: number; m: number; d: number } {
  const w = new Date(checkInstant(at) + SHANGHAI_OFFSET_MS);
  return { y: w.getUTCFullYear(), m: w.getUTCMonth(), d: w.getUTCDate() };
}

/** 00:00 Shanghai of y/m/d as an instant. setUTCFullYear, unlike Date.UTC, does not remap years
 *  0–99, and it normalises overflow (month 12 → January of y+1; day 1 of m+1 when asked). */
function midnight(y: number, m: number, d: number): Date {
  const w = new Date(0);
  w.setUTCFullYear(y, m, d);
  return new Date(w.getTime() - SHANGHAI_OFFSET_MS);
}

/** Days in month `m` of year `y`, with `m` counted from 0 (January) like Date. */
export function daysInMonth(y: number, m: number): number {
  const w = new Date(0);
  w.setUTCFullYear(y, m + 1, 0);
  return w.getUTCDate();
}

/** "YYYY-MM-DD" Shanghai calendar day of an instant. */
export function shanghaiDay(at: Date): string {
  const { y, m, d } = fields(at);
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** 00:00 Shanghai of the given day ("YYYY-MM-DD") as an instant. Throws on a malformed day. */
export function shanghaiMidnight(day: string): Date {
  const match = DAY_RE.exec(day);
  if (!match) throw new RangeError(`malformed day: ${JSON.stringify(day)}`);
  const y = Number(match[1]);
  const m = Number(match[2]) - 1;
  const d = Number(match[3]);
  // Reject "2027-02-30" instead of letting Date roll it into March.
  if (m < 0 || m > 11 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`no such day: ${day}`);
  return midnight(y, m, d);
}

/** 00:00 Shanghai of the day containing `at`. */
export function startOfShanghaiDay(at: Date): Date {
  const { y, m, d } = fields(at);
  return midnight(y, m, d);
}

/** `day` plus n Shanghai days ("YYYY-MM-DD"), n may be negative. */
export function addDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`day count must be an integer, got ${n}`);
  return shanghaiDay(new Date(shanghaiMidnight(day).getTime() + n * DAY_MS));
}

/** Whole Shanghai days from day a to day b ("YYYY-MM-DD"), b − a, may be negative. */
export function daysBetween(a: string, b: string): number {
  // Every Shanghai day is exactly 24 h (no DST), so the division is exact.
  return (shanghaiMidnight(b).getTime() - shanghaiMidnight(a).getTime()) / DAY_MS;
}

/** R-TIME-2: the k-th month boundary of a term anchored at s (k >= 0 integer). k = 0 → s itself.
 *  k >= 1 → 00:00 Shanghai of day T of month m+k, where T/m are the Shanghai day/month of s;
 *  when month m+k has no day T, 00:00 of day 1 of month m+k+1. Always computed from s (no drift). */
export function monthBoundary(s: Date, k: number): Date {
  checkCount(k, "k");
  if (k === 0) return new Date(checkInstant(s));
  const { y, m, d } = fields(s);
  const target = m + k;
  const ty = y + Math.floor(target / 12);
  const tm = target % 12;
  return d <= daysInMonth(ty, tm) ? midnight(ty, tm, d) : midnight(ty, tm + 1, 1);
}

/** End instant E of an n-month term starting at s = monthBoundary(s, n). */
export function termEnd(s: Date, months: number): Date {
  checkCount(months, "months");
  return monthBoundary(s, months);
}

/** Expiry day (到期日): the Shanghai day before E, "YYYY-MM-DD".
 *  E of a term of >= 1 month is always a Shanghai midnight, so this is the last day covered. */
export function expiryDay(end: Date): string {
  return addDays(shanghaiDay(end), -1);
}

/** R-BUY-5 months(a → b): the number n of whole month boundaries of a with monthBoundary(a, n) <= b,
 *  plus the fraction (b − boundary(a,n)) / (boundary(a,n+1) − boundary(a,n)) computed in whole seconds
 *  (floor each instant to the second first), full precision (no rounding). b <= a → 0. */
export function monthsBetween(a: Date, b: Date): Money {
  const sec = (d: Date) => Math.floor(d.getTime() / 1000);
  const aSec = Math.floor(checkInstant(a) / 1000);
  const bSec = Math.floor(checkInstant(b) / 1000);
  if (bSec <= aSec) return money(0);
  // Start from the calendar-month difference (never more than one too many) and settle by search,
  // so n is defined only by the boundaries themselves.
  const fa = fields(a);
  const fb = fields(b);
  let n = Math.max(0, (fb.y - fa.y) * 12 + (fb.m - fa.m));
  while (n > 0 && sec(monthBoundary(a, n)) > bSec) n--;
  while (sec(monthBoundary(a, n + 1)) <= bSec) n++;
  const lo = sec(monthBoundary(a, n));
  const hi = sec(monthBoundary(a, n + 1));
  return money(n).plus(money(bSec - lo).div(hi - lo));
}

/** The Shanghai midnights m with a < m < b, or a < m ≤ b when `closed` (a window (a, b]). */
export function midnightsBetween(a: Date, b: Date, closed = false): Date[] {
  const out: Date[] = [];
  for (
    let m = shanghaiMidnight(addDays(shanghaiDay(a), 1));
    m < b || (closed && m.getTime() === b.getTime());
    m = shanghaiMidnight(addDays(shanghaiDay(m), 1))
  )
    out.push(m);
  return out;
}
