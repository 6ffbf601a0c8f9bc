import { describe, expect, it } from "vitest";
import { graceEnd } from "./apps";
import { shanghaiMidnight } from "./calendar";
import { enableAtOf, type FeatureApplication } from "./features";
import { reclaimAt, renewRetries, type LifecycleApp } from "./lifecycle";
import { timeline } from "./timeline";

const E = shanghaiMidnight("2027-03-01");
const T0 = shanghaiMidnight("2027-02-01");
const H = 3600_000;
const app = (over: Partial<LifecycleApp> = {}): LifecycleApp => ({
  sdkAppId: 1400000001,
  edition: "ultimate",
  status: "enabled",
  statusReason: "purchased",
  statusChangedAt: T0,
  expiresAt: E,
  autoRenew: false,
  dontRenew: false,
  disablingUntil: null,
  renewAttemptAt: null,
  ...over,
});
const approvedAt = new Date(T0.getTime() + 10 * H);
const pendingFeature: FeatureApplication = {
  feature: "communities",
  status: "approved",
  appliedAt: T0,
  decidedAt: approvedAt,
  enableAt: enableAtOf(approvedAt),
  enabledAt: null,
};
const enabledFeature: FeatureApplication = {
  ...pendingFeature,
  feature: "broadcast",
  status: "enabled",
  enabledAt: enableAtOf(approvedAt),
};
const kinds = (events: ReturnType<typeof timeline>) => events.map((e) => `${e.kind}@${e.at.toISOString()}`);

describe("timeline: what happens when (built from the engine's rules)", () => {
  it("timeline: enabled without auto-renew → E, suspension at the grace end, reclamation", () => {
    const t = timeline(app(), []);
    expect(t).toEqual([
      { kind: "expire", at: E, autoRenew: false },
      { kind: "suspend", at: graceEnd(E), reason: "expired" },
      { kind: "reclaim", at: reclaimAt(graceEnd(E)) },
    ]);
  });

  it("timeline: enabled with auto-renew → a try at E and the six daily retries", () => {
    const t = timeline(app({ autoRenew: true }), []);
    expect(t[0]).toEqual({ kind: "expire", at: E, autoRenew: true });
    expect(t[1]).toEqual({ kind: "renew_retries", at: renewRetries(E)[0], retries: renewRetries(E) });
    expect(t.slice(2).map((e) => e.kind)).toEqual(["suspend", "reclaim"]);
  });

  it(
    "timeline R-BUY-9 (issue 9): the expiry with auto-renew carries " +
      "the renewal amount; without auto-renew it does not",
    () => {
      expect(timeline(app({ autoRenew: true }), [], { renewalAmount: "2999.00" })[0]).toEqual({
        kind: "expire",
        at: E,
        autoRenew: true,
        amount: "2999.00",
      });
      expect(timeline(app({ autoRenew: false }), [], { renewalAmount: "2999.00" })[0]).toEqual({
        kind: "expire",
        at: E,
        autoRenew: false,
      });
      expect(timeline(app({ autoRenew: true, dontRenew: true }), [], { renewalAmount: "2999.00" })[0]).toEqual({
        kind: "expire",
        at: E,
        autoRenew: false,
      });
    },
  );

  it('timeline: "don\'t renew" means no retries', () => {
    expect(timeline(app({ autoRenew: true, dontRenew: true }), [])[0]).toEqual({
      kind: "expire",
      at: E,
      autoRenew: false,
    });
  });

  it("timeline: in grace with auto-renew, only the retries still to come", () => {
    const attempt = renewRetries(E)[2]!;
    const t = timeline(app({ status: "grace", autoRenew: true, renewAttemptAt: attempt, statusChangedAt: E }), []);
    expect(t[0]).toEqual({ kind: "renew_retries", at: renewRetries(E)[3], retries: renewRetries(E).slice(3) });
    expect(t[1]).toEqual({ kind: "suspend", at: graceEnd(E), reason: "expired" });
  });

  it("timeline: disabling after a refund → suspension at the disabling end, then reclamation", () => {
    const until = new Date(T0.getTime() + 7 * 24 * H);
    const t = timeline(app({ status: "disabling", expiresAt: T0, disablingUntil: until }), []);
    expect(t).toEqual([
      { kind: "suspend", at: until, reason: "refunded" },
      { kind: "reclaim", at: reclaimAt(until) },
    ]);
  });

  it("timeline: suspended → reclamation only", () => {
    const s = new Date(E.getTime() + 7 * 24 * H);
    expect(timeline(app({ status: "suspended", statusChangedAt: s }), [])).toEqual([
      { kind: "reclaim", at: reclaimAt(s) },
    ]);
  });

  it("timeline: a pending feature enablement at approval + 48 h, and features stop at E", () => {
    const t = timeline(app(), [pendingFeature, enabledFeature]);
    expect(kinds(t)).toEqual([
      `feature_enable@${enableAtOf(approvedAt).toISOString()}`,
      `expire@${E.toISOString()}`,
      `feature_stop@${E.toISOString()}`,
      `feature_stop@${E.toISOString()}`,
      `suspend@${graceEnd(E).toISOString()}`,
      `reclaim@${reclaimAt(graceEnd(E)).toISOString()}`,
    ]);
    expect(t.find((e) => e.kind === "feature_enable")).toMatchObject({ feature: "communities" });
    expect(
      t.filter((e) => e.kind === "feature_stop").map((e) => (e.kind === "feature_stop" ? e.reason : null)),
    ).toEqual(["term_ended", "term_ended"]);
  });

  it("timeline: an enablement after E never happens: the feature stops at E instead", () => {
    const late = new Date(E.getTime() - 24 * H);
    const a: FeatureApplication = { ...pendingFeature, decidedAt: late, enableAt: enableAtOf(late) };
    expect(timeline(app(), [a]).filter((e) => e.kind.startsWith("feature"))).toEqual([
      { kind: "feature_stop", at: E, feature: "communities", reason: "term_ended" },
    ]);
  });

  it("timeline: trial apps and stopped apps have nothing scheduled by the lifecycle", () => {
    expect(timeline(app({ edition: "trial", expiresAt: null }), [])).toEqual([]);
    expect(timeline(app({ status: "stopped" }), [])).toEqual([]);
  });
});
