/**
 * "What happens when" for a paid app: the coming events with their instants, assuming nobody pays
 * or changes anything. Built only by replaying the engine's own decisions — `nextEvent` of the
 * lifecycle and `nextFeatureStep` of feature applications — so the page cannot disagree with what
 * the scheduler will do.
 */
import { wantsAutoRenew, nextEvent, type LifecycleApp, type LifecycleEvent } from "./lifecycle";
import { applyStep, nextFeatureStep, type AppliedFeature, type FeatureApplication, type StopReason } from "./features";

export type TimelineEvent =
  /**
   * E: the term ends; with auto-renew on, a renewal is tried first,
   * for `amount` (the engine's renewal quote) when known
   */
  | { kind: "expire"; at: Date; autoRenew: boolean; amount?: string }
  /** R-BUY-9: auto-renew tries again at these instants while in grace */
  | { kind: "renew_retries"; at: Date; retries: Date[] }
  | { kind: "suspend"; at: Date; reason: "expired" | "refunded" }
  | { kind: "reclaim"; at: Date }
  | { kind: "feature_enable"; at: Date; feature: AppliedFeature }
  | { kind: "feature_stop"; at: Date; feature: AppliedFeature; reason: StopReason };

/** A guard: an app has at most a handful of coming events. */
const MAX_STEPS = 32;

/** The app as the engine leaves it after `e` when no renewal succeeds (the service's own transitions). */
function afterEvent(app: LifecycleApp, e: LifecycleEvent): LifecycleApp {
  switch (e.kind) {
    case "expire":
      return {
        ...app,
        status: app.status === "enabled" ? "grace" : app.status,
        statusReason: "expired",
        statusChangedAt: e.at,
        renewAttemptAt: wantsAutoRenew(app) ? e.at : app.renewAttemptAt,
      };
    case "retry_renew":
      return { ...app, renewAttemptAt: e.at };
    case "suspend_expired":
      return { ...app, status: "suspended", statusReason: "expired", statusChangedAt: e.at };
    case "suspend_refunded":
      return { ...app, status: "suspended", statusReason: "refunded", statusChangedAt: e.at };
    case "reclaim":
      return { ...app, status: "reclaimed", statusChangedAt: e.at, autoRenew: false };
  }
}

export type TimelineOptions = {
  /** R-BUY-9: what auto-renew will take from the balance at E (the 1-month renewal quote), as a money string */
  renewalAmount?: string | null;
};

function lifecycleEvents(start: LifecycleApp, opts: TimelineOptions): { events: TimelineEvent[]; last: LifecycleApp } {
  const events: TimelineEvent[] = [];
  let app = start;
  for (let i = 0; i < MAX_STEPS; i++) {
    const e = nextEvent(app);
    if (!e) break;
    if (e.kind === "expire") {
      const autoRenew = wantsAutoRenew(app);
      events.push(
        autoRenew && opts.renewalAmount
          ? { kind: "expire", at: e.at, autoRenew, amount: opts.renewalAmount }
          : { kind: "expire", at: e.at, autoRenew },
      );
    } else if (e.kind === "retry_renew") {
      const prev = events.at(-1);
      if (prev?.kind === "renew_retries") prev.retries.push(e.at);
      else events.push({ kind: "renew_retries", at: e.at, retries: [e.at] });
    } else if (e.kind === "reclaim") events.push({ kind: "reclaim", at: e.at });
    else events.push({ kind: "suspend", at: e.at, reason: e.kind === "suspend_expired" ? "expired" : "refunded" });
    app = afterEvent(app, e);
  }
  return { events, last: app };
}

/**
 * The coming events of a paid app, in time order (trial apps have none). An event already due but
 * not yet applied by the engine stays in the list.
 */
export function timeline(
  app: LifecycleApp,
  applications: FeatureApplication[],
  opts: TimelineOptions = {},
): TimelineEvent[] {
  if (app.edition === "trial") return [];
  const { events, last } = lifecycleEvents(app, opts);
  // Nobody pays: edition and term stay; the app's final state (e.g. reclaimed at its instant) is
  // what the feature rules see at each later window, and they take the earliest stop.
  for (const start of applications) {
    let a = start;
    for (let i = 0; i < MAX_STEPS; i++) {
      const step = nextFeatureStep(last, a);
      if (!step) break;
      events.push(
        step.kind === "enable"
          ? { kind: "feature_enable", at: step.at, feature: a.feature }
          : { kind: "feature_stop", at: step.at, feature: a.feature, reason: step.reason },
      );
      a = applyStep(a, step);
    }
  }
  const order = (e: TimelineEvent) => (e.kind.startsWith("feature") ? 1 : 0);
  return events.sort((x, y) => x.at.getTime() - y.at.getTime() || order(x) - order(y));
}
