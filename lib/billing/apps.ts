/** App rules of SPEC §3 as pure functions: inputs in, decisions out. */
import { DAY_MS } from "./calendar";
export const APP_CAP = 100;
export const GRACE_DAYS = 7;

export type Edition = "trial" | "pro" | "ultimate";
export type AppStatus = "enabled" | "grace" | "disabling" | "suspended" | "stopped" | "reclaimed" | "deleted";
export type StatusReason =
  | "created"
  | "expired"
  | "refunded"
  | "arrears"
  | "by_customer"
  | "by_operator"
  | "renewed"
  | "purchased"
  /** an arrears suspension ended because the balance came back to ≥ 0 (R-LIFE-4) */
  | "arrears_lifted";

/** Statuses that hold a slot of the 100-app cap (R-APP-1). */
export const COUNTED_STATUSES: AppStatus[] = ["enabled", "grace", "disabling", "suspended", "stopped"];

export type NameCheck = { kind: "ok"; name: string } | { kind: "invalid"; reason: "empty" | "too_long" };

/** R-APP-2: 1–64 characters after trimming (counted as Unicode code points). */
export function checkAppName(raw: string): NameCheck {
  const name = raw.trim();
  const length = [...name].length;
  if (length === 0) return { kind: "invalid", reason: "empty" };
  if (length > 64) return { kind: "invalid", reason: "too_long" };
  return { kind: "ok", name };
}

export type CapCheck = { kind: "ok" } | { kind: "app_limit_reached"; cap: number; count: number };

export function checkCap(countedApps: number): CapCheck {
  return countedApps >= APP_CAP ? { kind: "app_limit_reached", cap: APP_CAP, count: countedApps } : { kind: "ok" };
}

/** §7: the end of the grace week after expiry; a paid app still in grace then is suspended. */
export function graceEnd(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() + GRACE_DAYS * DAY_MS);
}

/** The status an app's own term gives it at `now` (used when a customer starts it again). */
export function termStatus(
  app: { edition: Edition; expiresAt: Date | null },
  now: Date,
): { status: AppStatus; reason: StatusReason } {
  if (app.edition === "trial" || !app.expiresAt || now < app.expiresAt)
    return { status: "enabled", reason: "by_customer" };
  if (now < graceEnd(app.expiresAt)) return { status: "grace", reason: "expired" };
  return { status: "suspended", reason: "expired" };
}

export type Transition =
  | { kind: "ok"; status: AppStatus; reason: StatusReason }
  | { kind: "invalid_state"; from: AppStatus; action: "stop" | "start" | "delete" };

/** R-APP-4: only an enabled app can be stopped. */
export function stopTransition(status: AppStatus): Transition {
  return status === "enabled"
    ? { kind: "ok", status: "stopped", reason: "by_customer" }
    : { kind: "invalid_state", from: status, action: "stop" };
}

/** R-APP-4: only a stopped app can be started; it returns to what its term gives it. */
export function startTransition(
  app: { status: AppStatus; edition: Edition; expiresAt: Date | null },
  now: Date,
): Transition {
  if (app.status !== "stopped") return { kind: "invalid_state", from: app.status, action: "start" };
  const t = termStatus(app, now);
  return { kind: "ok", status: t.status, reason: t.reason };
}

/** R-APP-4: only a stopped app can be deleted. */
export function deleteTransition(status: AppStatus): Transition {
  return status === "stopped"
    ? { kind: "ok", status: "deleted", reason: "by_customer" }
    : { kind: "invalid_state", from: status, action: "delete" };
}
