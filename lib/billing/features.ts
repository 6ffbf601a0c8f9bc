/**
 * Feature applications (R-FEAT-1) as pure decisions: who may apply, when an approved feature is
 * enabled, when an open application stops, and what entitlements report. The service applies the
 * steps in time order at their own instants; the app page's timeline reads the same functions.
 */
import { isGone, type AppStatus, type Edition } from "./apps";

export const APPLIED_FEATURES = ["broadcast", "communities"] as const;
export type AppliedFeature = (typeof APPLIED_FEATURES)[number];
export type ApplicationStatus = "pending" | "approved" | "rejected" | "enabled" | "stopped";
export type StopReason = "left_ultimate" | "refunded" | "term_ended" | "reclaimed" | "deleted";

/** R-FEAT-1: an approved feature is enabled exactly 48 hours after the approval. */
export const ENABLE_DELAY_MS = 48 * 3600 * 1000;

export type FeatureApp = { edition: Edition; status: AppStatus; statusChangedAt: Date; expiresAt: Date | null };
export type FeatureApplication = {
  feature: AppliedFeature;
  status: ApplicationStatus;
  appliedAt: Date;
  decidedAt: Date | null;
  enableAt: Date | null;
  enabledAt: Date | null;
};

/** Pending, approved and enabled applications are open: one per app and feature. */
export const OPEN_STATUSES: ApplicationStatus[] = ["pending", "approved", "enabled"];
export const isOpen = (s: ApplicationStatus) => OPEN_STATUSES.includes(s);

export type NotEligibleReason = "not_ultimate" | "term_ended" | "not_in_service";
export type Eligibility = { kind: "ok" } | { kind: "not_eligible"; reason: NotEligibleReason };

/**
 * R-FEAT-1: an ultimate app with a valid term, in service, may apply (and be approved). Grace and
 * disabling come after the term's end (a plan refund ends the term at once), so they may not; a
 * stopped or suspended app is out of service.
 */
export function eligibility(app: FeatureApp, at: Date): Eligibility {
  if (isGone(app.status)) return { kind: "not_eligible", reason: "not_in_service" };
  if (app.edition !== "ultimate") return { kind: "not_eligible", reason: "not_ultimate" };
  if (!app.expiresAt || app.expiresAt <= at) return { kind: "not_eligible", reason: "term_ended" };
  if (app.status !== "enabled") return { kind: "not_eligible", reason: "not_in_service" };
  return { kind: "ok" };
}

export function enableAtOf(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + ENABLE_DELAY_MS);
}

export type Decision = { kind: "ok" } | { kind: "invalid_state"; status: ApplicationStatus };

/** Only a pending application can be approved or rejected. */
export function decision(status: ApplicationStatus): Decision {
  return status === "pending" ? { kind: "ok" } : { kind: "invalid_state", status };
}

/** The application's own latest instant: a stop is never dated before it. */
function lastOwnInstant(a: FeatureApplication): Date {
  const times = [a.appliedAt, a.decidedAt, a.enabledAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return new Date(Math.max(...times));
}

/**
 * R-FEAT-1: when an open application of this app stops, and why: the app leaves ultimate (the plan
 * change or refund stops it in its own transaction; found later, at once), the term ends at E unless
 * renewed before, or the app is reclaimed or deleted. An arrears suspension or a stopped app keeps
 * the term, so it does not stop the feature (entitlements refuse service meanwhile).
 */
export function featureStop(app: FeatureApp, a: FeatureApplication): { at: Date; reason: StopReason } {
  const floor = lastOwnInstant(a);
  const later = (d: Date) => (d < floor ? floor : d);
  const candidates: { at: Date; reason: StopReason }[] = [];
  if (app.edition !== "ultimate") candidates.push({ at: floor, reason: "left_ultimate" });
  candidates.push({ at: later(app.expiresAt ?? floor), reason: "term_ended" });
  if (isGone(app.status)) candidates.push({ at: later(app.statusChangedAt), reason: app.status });
  return candidates.reduce((a, b) => (b.at < a.at ? b : a));
}

export type FeatureStep = { kind: "enable"; at: Date } | { kind: "stop"; at: Date; reason: StopReason };

/** The next thing due for an application, whenever it is; null when it is closed. */
export function nextFeatureStep(app: FeatureApp, a: FeatureApplication): FeatureStep | null {
  if (!isOpen(a.status)) return null;
  const stop = featureStop(app, a);
  // A term that ends at the enabling instant or before it wins: the feature is never enabled.
  if (a.status === "approved" && a.enableAt && a.enableAt < stop.at) return { kind: "enable", at: a.enableAt };
  return { kind: "stop", ...stop };
}

/** The application after a step, as the service writes it. */
export function applyStep(a: FeatureApplication, step: FeatureStep): FeatureApplication {
  return step.kind === "enable" ? { ...a, status: "enabled", enabledAt: step.at } : { ...a, status: "stopped" };
}

/**
 * API.md: `features.broadcast` / `features.communities` are true only while an application is
 * `enabled`, still valid at `at` (its stop is not yet due), and the app is in service.
 */
export function enabledFeatures(
  app: FeatureApp,
  applications: FeatureApplication[],
  at: Date,
  inService: boolean,
): Record<AppliedFeature, boolean> {
  const on = (f: AppliedFeature) =>
    inService && applications.some((a) => a.feature === f && a.status === "enabled" && featureStop(app, a).at > at);
  return { broadcast: on("broadcast"), communities: on("communities") };
}
