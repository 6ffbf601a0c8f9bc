/** App rules of SPEC §3 as pure functions: inputs in, decisions out. */
import { DAY_MS } from "./calendar";
export const APP_CAP = 100;
/** The overview warns when this few slots of the cap are left (R-APP-1). */
export const NEAR_CAP_MARGIN = 5;
export const GRACE_DAYS = 7;
/** R-REF-4: a plan refund keeps the app in `disabling` for this many days before it is suspended. */
export const DISABLING_DAYS = 7;

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

/** R-APP-3, R-LIFE-5: destroyed or deleted apps; nothing can be bought for, renewed or changed on them again. */
export const GONE_STATUSES = ["reclaimed", "deleted"] as const satisfies readonly AppStatus[];

export type GoneStatus = (typeof GONE_STATUSES)[number];

export function isGone(status: AppStatus): status is GoneStatus {
  return (GONE_STATUSES as readonly AppStatus[]).includes(status);
}

/** R-LIFE-1: paid apps in these statuses can be renewed (stopped must be started first; gone apps never). */
export const RENEWABLE_STATUSES = [
  "enabled",
  "grace",
  "disabling",
  "suspended",
] as const satisfies readonly AppStatus[];

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

/** R-APP-1: the create button is off at the cap. */
export function atCap(countedApps: number): boolean {
  return checkCap(countedApps).kind === "app_limit_reached";
}

/** R-APP-1: the overview warns in the last NEAR_CAP_MARGIN slots before the cap. */
export function nearCap(countedApps: number): boolean {
  return countedApps >= APP_CAP - NEAR_CAP_MARGIN;
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

export type BuyBlock = "app_stopped" | "app_gone";

/** R-APP-4, R-LIFE-5: why nothing can be bought for (or renewed on) an app now; null when it can be. */
export function buyBlock(status: AppStatus): BuyBlock | null {
  if (status === "stopped") return "app_stopped";
  if (isGone(status)) return "app_gone";
  return null;
}

/** R-BUY-1: the apps an order may name (a stopped app is started first; gone apps never). */
export function canBuyFor(status: AppStatus): boolean {
  return buyBlock(status) === null;
}

/** R-BUY-4: a valid term is a paid, enabled app whose E is still ahead (grace, disabling and suspended have none). */
export function hasValidTerm(app: { edition: Edition; status: AppStatus; expiresAt: Date | null }, now: Date): boolean {
  return app.edition !== "trial" && app.status === "enabled" && app.expiresAt !== null && app.expiresAt > now;
}

/** R-LIFE-1: a paid app with a term (running, lapsed or refunded) that is not stopped or gone. */
export function isRenewable(app: { edition: Edition; status: AppStatus; expiresAt: Date | string | null }): boolean {
  return (
    app.edition !== "trial" &&
    app.expiresAt !== null &&
    (RENEWABLE_STATUSES as readonly AppStatus[]).includes(app.status)
  );
}

/**
 * R-BUY-4, R-LIFE-1, R-APP-5: a new term (purchase, change or renewal) puts the app in service; an
 * arrears suspension ends only with the balance (R-LIFE-4). Null: the status stays as it is.
 */
export function statusAfterTerm(
  app: { status: AppStatus; statusReason: StatusReason },
  kind: "new" | "renewal",
): { status: "enabled"; reason: "purchased" | "renewed" } | null {
  if (app.status === "enabled") return null;
  if (app.status === "suspended" && app.statusReason === "arrears") return null;
  return { status: "enabled", reason: kind === "renewal" ? "renewed" : "purchased" };
}

/**
 * R-REF-4: a plan refund puts an app in service (enabled or grace) in `disabling`; a stopped or
 * suspended app keeps its status. Null: the status stays as it is.
 */
export function statusAfterPlanRefund(status: AppStatus): { status: "disabling"; reason: "refunded" } | null {
  return status === "enabled" || status === "grace" ? { status: "disabling", reason: "refunded" } : null;
}

/** R-REF-4: the end of the disabling period a plan refund at `at` opens. */
export function disablingEnd(at: Date): Date {
  return new Date(at.getTime() + DISABLING_DAYS * DAY_MS);
}
