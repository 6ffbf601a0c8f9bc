/**
 * What runs when time moves (R-TIME-3, §7, R-LIFE-7). A window (from, to] is cut at every Shanghai
 * midnight inside it, and for each piece, in order, every scheduled rule does what fell due in it at
 * its own instant: the lifecycle first (expiry, auto-renew, suspension, reclamation), then the rest.
 * Each rule opens one transaction per account and is idempotent, so a year in one move, a minute at
 * a time, a repeated run or two runs at once all end in the same state.
 */
import "server-only";
import { midnightsBetween } from "@/lib/billing/calendar";
import { runBalanceAlertsDue } from "./balance-alert";
import { runBillsDue } from "./bills";
import { runFeaturesDue } from "./features";
import { runLifecycle, runRemindersDue, type LifecycleOptions } from "./lifecycle";

/** `opts.accountIds` narrows a run to some accounts (tests that share a database with others). */
export type DueRule = { name: string; run: (from: Date, to: Date, opts: LifecycleOptions) => Promise<number> };

const RULES: DueRule[] = [
  // §7: expiry, auto-renew and its retries, grace → suspended, disabling → suspended, reclamation
  { name: "lifecycle", run: (_from, to, opts) => runLifecycle(to, opts) },
  // §7: expiry and expired warnings on each day of their windows
  { name: "reminders", run: runRemindersDue },
  // R-LIFE-3/4: the month's bill at 00:00 on the 1st, its deduction on the 3rd, arrears suspension at push day + 7
  { name: "bills", run: (from, to, opts) => runBillsDue(from, to, opts) },
  // R-FEAT-1: approved features enabled 48 h after approval; stopped when the app left ultimate or its term ended
  { name: "features", run: (from, to, opts) => runFeaturesDue(from, to, opts) },
  // R-LIFE-8: the daily balance alert, at each midnight, after everything that moved money
  { name: "balanceAlerts", run: runBalanceAlertsDue },
];

/** The window (from, to] cut at each Shanghai midnight strictly inside it: the pieces' ends. */
export function windowCuts(from: Date, to: Date): Date[] {
  return [...midnightsBetween(from, to), to];
}

/** Runs everything due in (from, to], in time order; returns how many things each rule did. */
export async function runDue(from: Date, to: Date, opts: LifecycleOptions = {}): Promise<Record<string, number>> {
  const ran: Record<string, number> = Object.fromEntries(RULES.map((r) => [r.name, 0]));
  let start = from;
  for (const end of windowCuts(from, to)) {
    for (const rule of RULES) ran[rule.name]! += await rule.run(start, end, opts);
    start = end;
  }
  return ran;
}
