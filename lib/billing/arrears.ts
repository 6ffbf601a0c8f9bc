/**
 * When the monthly bill is made, deducted and when arrears suspend (R-LIFE-3, R-LIFE-4), and what
 * an arrears-suspended app returns to (R-APP-5). Pure.
 */
import { termStatus, type AppStatus, type Edition, type StatusReason } from "./apps";
import { addDays, DAY_MS, shanghaiDay, shanghaiMidnight } from "./calendar";
import { parseMonth } from "./bills";
import type { Money } from "@/lib/money";

/** The bill is deducted at 00:00 on the 3rd: push day (the 1st) + 2. */
export const DEDUCT_DAY_OF_MONTH = 3;
/** R-LIFE-4: arrears suspend at 00:00 of the 7th day after the push day. */
export const ARREARS_DAYS_AFTER_PUSH = 7;

/** "YYYY-MM" of the month after `month`. */
export function nextMonth(month: string): string {
  const { y, m } = parseMonth(month);
  const n = m + 1;
  return `${y + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** "YYYY-MM" of the month before `month`. */
export function previousMonth(month: string): string {
  const { y, m } = parseMonth(month);
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, "0")}`;
}

/** [00:00 of day 1, 00:00 of day 1 of the next month) in Shanghai. */
export function monthSpan(month: string): { start: Date; end: Date } {
  return { start: shanghaiMidnight(`${month}-01`), end: shanghaiMidnight(`${nextMonth(month)}-01`) };
}

/** R-LIFE-3: the bill of `month` is pushed at 00:00 on the 1st of the next month. */
export function pushAt(month: string): Date {
  return monthSpan(month).end;
}

/** R-LIFE-3: deducted at 00:00 on the 3rd after the push. */
export function deductAt(month: string): Date {
  return shanghaiMidnight(addDays(shanghaiDay(pushAt(month)), DEDUCT_DAY_OF_MONTH - 1));
}

/** R-LIFE-4: push day + 7 at 00:00 (push on the 1st → 00:00 on the 8th). */
export function arrearsSuspendAt(pushedAt: Date): Date {
  return shanghaiMidnight(addDays(shanghaiDay(pushedAt), ARREARS_DAYS_AFTER_PUSH));
}

export type BillStep = { kind: "make" | "deduct" | "arrears"; month: string; at: Date };

/** Every bill step due in the half-open window (from, to], in time order. */
export function billStepsDue(from: Date, to: Date): BillStep[] {
  if (to <= from) return [];
  const steps: BillStep[] = [];
  // Start at the month whose arrears step could still fall in the window (8 days back is plenty).
  let month = shanghaiDay(new Date(from.getTime() - 40 * DAY_MS)).slice(0, 7);
  for (let guard = 0; guard < 100_000; guard++) {
    const push = pushAt(month);
    if (push.getTime() > to.getTime()) break;
    for (const s of [
      { kind: "make" as const, month, at: push },
      { kind: "deduct" as const, month, at: deductAt(month) },
      { kind: "arrears" as const, month, at: arrearsSuspendAt(push) },
    ]) {
      if (s.at > from && s.at <= to) steps.push(s);
    }
    month = nextMonth(month);
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Statuses an arrears suspension takes an app from (R-LIFE-4: every app of the account in service or stopped). */
export const ARREARS_SUSPENDS: AppStatus[] = ["enabled", "grace", "disabling", "stopped"];

export type LiftApp = { edition: Edition; expiresAt: Date | null; disablingUntil: Date | null };

/**
 * R-LIFE-4 / R-APP-5: the status an arrears-suspended app returns to at `at` — what its own term
 * gives (the rule for starting a stopped paid app, `termStatus`), a refund's disabling week if it
 * is still running, or `stopped` if the customer had stopped it before the suspension.
 */
export function liftedStatus(
  app: LiftApp,
  before: AppStatus | null,
  at: Date,
): { status: AppStatus; reason: StatusReason } {
  if (before === "stopped") return { status: "stopped", reason: "by_customer" };
  if (app.disablingUntil && app.expiresAt && app.expiresAt <= at) {
    return at < app.disablingUntil
      ? { status: "disabling", reason: "refunded" }
      : { status: "suspended", reason: "refunded" };
  }
  const t = termStatus(app, at);
  return t.status === "enabled" ? { status: "enabled", reason: "arrears_lifted" } : t;
}

export type ArrearsBanner = { owed: Money; suspendAt: Date; suspended: boolean } | null;

/**
 * The red arrears banner: how much to pay (−available) and by when (the suspension instant of the
 * bill whose deduction put the account in arrears). Once apps are suspended for arrears it says so.
 * Null when not in arrears.
 */
export function arrearsBanner(
  available: Money,
  lastDeductedPushedAt: Date | null,
  at: Date,
  arrearsSuspendedApps = 0,
): ArrearsBanner {
  if (!available.lt(0) || !lastDeductedPushedAt) return null;
  const suspendAt = arrearsSuspendAt(lastDeductedPushedAt);
  return { owed: available.neg(), suspendAt, suspended: arrearsSuspendedApps > 0 || at >= suspendAt };
}
