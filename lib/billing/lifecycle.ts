/**
 * The expiry lifecycle of SPEC §7 as pure decisions: given an app's state, the next thing that is
 * due for it and when. The service applies due events in time order, so a clock that jumps a week
 * ahead gives the same result as a server that ran all along (R-TIME-3, R-LIFE-7).
 */
import { graceEnd, type AppStatus, type Edition, type StatusReason } from "./apps";
import { addDays, DAY_MS, midnightsBetween, shanghaiDay, shanghaiMidnight } from "./calendar";

/** §7: expiry warnings (and the amber banner) run in [E − 7 d, E). */
export const EXPIRY_WARNING_DAYS = 7;
export const RENEW_RETRY_DAYS = 6;
export const RECLAIM_DAY = 90;

export type LifecycleApp = {
  sdkAppId: number;
  edition: Edition;
  status: AppStatus;
  statusReason: StatusReason;
  statusChangedAt: Date;
  expiresAt: Date | null;
  autoRenew: boolean;
  dontRenew: boolean;
  disablingUntil: Date | null;
  /** when auto-renew last tried and failed for the current expiry */
  renewAttemptAt: Date | null;
};

export type LifecycleEvent =
  /** R-BUY-9 / §7: at E, auto-renew if on and affordable, otherwise grace */
  | { kind: "expire"; at: Date }
  /** R-BUY-9: auto-renew again at 00:00 of each of the 6 days after E while in grace */
  | { kind: "retry_renew"; at: Date }
  /** §7: still in grace at E + 7 d → suspended (expired) */
  | { kind: "suspend_expired"; at: Date }
  /** R-REF-4: still disabling 7 days after a plan refund → suspended (refunded) */
  | { kind: "suspend_refunded"; at: Date }
  /** R-LIFE-5: kept 90 days counting the suspension day (S … S + 89); still suspended at 00:00 of S + 90 → reclaimed */
  | { kind: "reclaim"; at: Date };

export function wantsAutoRenew(app: Pick<LifecycleApp, "autoRenew" | "dontRenew">): boolean {
  return app.autoRenew && !app.dontRenew;
}

/** The 00:00 instants of the RENEW_RETRY_DAYS Shanghai days after E. */
export function renewRetries(expiresAt: Date): Date[] {
  const day = shanghaiDay(expiresAt);
  return Array.from({ length: RENEW_RETRY_DAYS }, (_, i) => shanghaiMidnight(addDays(day, i + 1)));
}

/** R-LIFE-5: 00:00 (Shanghai) of day S + 90, S being the Shanghai day of the suspension. */
export function reclaimAt(suspendedAt: Date): Date {
  return shanghaiMidnight(addDays(shanghaiDay(suspendedAt), RECLAIM_DAY));
}

/** The next event of an app, whenever it is due; null when nothing is scheduled for it. */
export function nextEvent(app: LifecycleApp): LifecycleEvent | null {
  if (app.edition === "trial") return null;
  if (app.status === "enabled" && app.expiresAt) return { kind: "expire", at: app.expiresAt };
  if (app.status === "grace" && app.expiresAt) {
    const suspend: LifecycleEvent = { kind: "suspend_expired", at: graceEnd(app.expiresAt) };
    if (!wantsAutoRenew(app)) return suspend;
    const last = Math.max(app.expiresAt.getTime(), app.renewAttemptAt?.getTime() ?? 0);
    const retry = renewRetries(app.expiresAt).find((t) => t.getTime() > last && t < suspend.at);
    return retry ? { kind: "retry_renew", at: retry } : suspend;
  }
  if (app.status === "disabling" && app.disablingUntil) return { kind: "suspend_refunded", at: app.disablingUntil };
  if (app.status === "suspended") return { kind: "reclaim", at: reclaimAt(app.statusChangedAt) };
  return null;
}

/** §7: the expiry warning (notification and amber banner) is for paid apps in these statuses. */
export const EXPIRY_WARNING_STATUSES = ["enabled"] as const satisfies readonly AppStatus[];

/**
 * §7: at `at`, the expiry instants E whose warning window [E − 7 d, E) holds `at`: `after < E ≤ until`.
 * The overview's SQL filter and the banners' predicate both take their bounds from here.
 */
export function expiryWarningWindow(at: Date): { after: Date; until: Date } {
  return { after: at, until: new Date(at.getTime() + EXPIRY_WARNING_DAYS * DAY_MS) };
}

/**
 * §7, R-LIFE-2: a paid app in service is in its expiry warning at `at` when `at` is in [E − 7 d, E).
 * "Don't renew" silences the reminders (remindersIn), not the warning: the banner stays.
 */
export function inExpiryWarning(
  app: { edition: Edition; status: AppStatus; expiresAt: Date | null },
  at: Date,
): boolean {
  if (app.edition === "trial" || !app.expiresAt) return false;
  if (!(EXPIRY_WARNING_STATUSES as readonly AppStatus[]).includes(app.status)) return false;
  const w = expiryWarningWindow(at);
  return app.expiresAt > w.after && app.expiresAt <= w.until;
}

export type Reminder = { kind: "expiry_warning" | "expired"; at: Date };

/**
 * §7 reminders of an app that fall in (from, to], for its state then: the expiry warning on each day
 * of [E − 7 d, E) (at E − 7 d, then at each 00:00 before E) while it is in service, and the expired
 * warning on each day of (E, E + 7 d) at 00:00 while it is in grace (the one at E goes with the
 * expiry itself). "Don't renew" silences both (R-LIFE-2); the banners stay.
 */
export function remindersIn(app: LifecycleApp, from: Date, to: Date): Reminder[] {
  if (app.edition === "trial" || app.dontRenew || !app.expiresAt) return [];
  const E = app.expiresAt;
  const inWindow = (t: Date) => t > from && t <= to;
  if (app.status === "enabled") {
    const start = new Date(E.getTime() - EXPIRY_WARNING_DAYS * DAY_MS);
    return [start, ...midnightsBetween(start, E)]
      .filter(inWindow)
      .map((at) => ({ kind: "expiry_warning" as const, at }));
  }
  if (app.status === "grace") {
    return midnightsBetween(E, graceEnd(E))
      .filter(inWindow)
      .map((at) => ({ kind: "expired" as const, at }));
  }
  return [];
}
