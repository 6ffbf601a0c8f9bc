import type { Money } from "@/lib/money";

/**
 * Balance alert (余额预警, R-LIFE-8). Pure: while `available` is below the threshold an alert goes out
 * once a Shanghai day, at most MAX_ALERT_DAYS in a row; then nothing until the balance has been at or
 * above the threshold again, which re-arms it. Checked at every change of the balance and at every
 * Shanghai midnight, so a run below the threshold alerts on consecutive days.
 */
export const MAX_ALERT_DAYS = 5;

export type BalanceAlertState = {
  threshold: Money;
  /** alerts already sent in the current run below the threshold */
  streak: number;
  /** Shanghai day of the last alert, "YYYY-MM-DD" */
  lastAlertDay: string | null;
};

export type BalanceAlertDecision =
  | { kind: "alert"; streak: number; lastAlertDay: string }
  | { kind: "rearm" }
  | { kind: "none"; why: "above" | "today" | "exhausted" };

/** What to do when the balance is `available` on Shanghai day `day`. */
export function decideBalanceAlert(state: BalanceAlertState, available: Money, day: string): BalanceAlertDecision {
  if (available.gte(state.threshold)) return state.streak > 0 ? { kind: "rearm" } : { kind: "none", why: "above" };
  if (state.lastAlertDay === day) return { kind: "none", why: "today" };
  if (state.streak >= MAX_ALERT_DAYS) return { kind: "none", why: "exhausted" };
  return { kind: "alert", streak: state.streak + 1, lastAlertDay: day };
}
