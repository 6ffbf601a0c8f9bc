import { describe, expect, it } from "vitest";
import { shanghaiMidnight } from "./calendar";
import {
  applyStep,
  decision,
  eligibility,
  enableAtOf,
  enabledFeatures,
  featureStop,
  nextFeatureStep,
  type FeatureApp,
  type FeatureApplication,
} from "./features";

const E = shanghaiMidnight("2027-03-01");
const T0 = shanghaiMidnight("2027-02-01");
const H = 3600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const app = (over: Partial<FeatureApp> = {}): FeatureApp => ({
  edition: "ultimate",
  status: "enabled",
  statusChangedAt: T0,
  expiresAt: E,
  ...over,
});
const application = (over: Partial<FeatureApplication> = {}): FeatureApplication => ({
  feature: "broadcast",
  status: "pending",
  appliedAt: at(1),
  decidedAt: null,
  enableAt: null,
  enabledAt: null,
  ...over,
});
const approved = (decided = at(2)) =>
  application({ status: "approved", decidedAt: decided, enableAt: enableAtOf(decided) });

describe("R-FEAT-1 who may apply", () => {
  it.each<[string, Partial<FeatureApp>, Date, ReturnType<typeof eligibility>]>([
    ["an enabled ultimate app with a valid term", {}, at(5), { kind: "ok" }],
    ["a pro app", { edition: "pro" }, at(5), { kind: "not_eligible", reason: "not_ultimate" }],
    ["a trial app", { edition: "trial", expiresAt: null }, at(5), { kind: "not_eligible", reason: "not_ultimate" }],
    ["at E exactly (the term has ended)", {}, E, { kind: "not_eligible", reason: "term_ended" }],
    ["one second before E", {}, new Date(E.getTime() - 1000), { kind: "ok" }],
    ["in grace", { status: "grace" }, new Date(E.getTime() + H), { kind: "not_eligible", reason: "term_ended" }],
    [
      "disabling after a plan refund (term ended at the refund)",
      { status: "disabling", expiresAt: at(3) },
      at(5),
      { kind: "not_eligible", reason: "term_ended" },
    ],
    ["stopped by the customer", { status: "stopped" }, at(5), { kind: "not_eligible", reason: "not_in_service" }],
    ["suspended for arrears", { status: "suspended" }, at(5), { kind: "not_eligible", reason: "not_in_service" }],
    ["reclaimed", { status: "reclaimed" }, at(5), { kind: "not_eligible", reason: "not_in_service" }],
  ])("R-FEAT-1: %s", (_name, over, when, expected) => {
    expect(eligibility(app(over), when)).toEqual(expected);
  });

  it("R-FEAT-1: only a pending application can be decided", () => {
    expect(decision("pending")).toEqual({ kind: "ok" });
    for (const s of ["approved", "rejected", "enabled", "stopped"] as const)
      expect(decision(s)).toEqual({ kind: "invalid_state", status: s });
  });
});

describe("R-FEAT-1 enabling 48 hours after approval", () => {
  it("R-FEAT-1: enableAt is approval + 48 h exactly", () => {
    expect(enableAtOf(at(2)).getTime() - at(2).getTime()).toBe(48 * H);
  });

  it("R-FEAT-1: an approved application is enabled at enableAt, then stops at E", () => {
    const a = approved();
    const first = nextFeatureStep(app(), a);
    expect(first).toEqual({ kind: "enable", at: at(50) });
    const enabled = applyStep(a, first!);
    expect(enabled).toMatchObject({ status: "enabled", enabledAt: at(50) });
    expect(nextFeatureStep(app(), enabled)).toEqual({ kind: "stop", at: E, reason: "term_ended" });
  });

  it("R-FEAT-1: a term that ends at or before enableAt wins: never enabled", () => {
    const a = approved();
    expect(nextFeatureStep(app({ expiresAt: at(50) }), a)).toEqual({ kind: "stop", at: at(50), reason: "term_ended" });
    expect(nextFeatureStep(app({ expiresAt: new Date(at(50).getTime() + 1000) }), a)).toEqual({
      kind: "enable",
      at: at(50),
    });
  });

  it.each(["rejected", "stopped"] as const)("R-FEAT-1: a %s application has nothing due", (status) => {
    expect(nextFeatureStep(app(), application({ status }))).toBeNull();
  });
});

describe("R-FEAT-1 when a feature stops", () => {
  const enabled = application({ status: "enabled", decidedAt: at(2), enableAt: at(50), enabledAt: at(50) });
  it.each<[string, Partial<FeatureApp>, { at: Date; reason: string }]>([
    ["still ultimate: at the end of its term E", {}, { at: E, reason: "term_ended" }],
    [
      "renewed: at the new E",
      { expiresAt: shanghaiMidnight("2027-04-01") },
      { at: shanghaiMidnight("2027-04-01"), reason: "term_ended" },
    ],
    [
      "changed to pro: at once (never before its own last instant)",
      { edition: "pro", expiresAt: shanghaiMidnight("2027-06-01") },
      { at: at(50), reason: "left_ultimate" },
    ],
    [
      "a plan refund ended the term at the refund",
      { status: "disabling", expiresAt: at(60) },
      { at: at(60), reason: "term_ended" },
    ],
    [
      "reclaimed before E (an arrears suspension)",
      { status: "reclaimed", statusChangedAt: at(100) },
      { at: at(100), reason: "reclaimed" },
    ],
    [
      "suspended for arrears: the term still holds",
      { status: "suspended", statusChangedAt: at(60) },
      { at: E, reason: "term_ended" },
    ],
    [
      "stopped by the customer: the term still holds",
      { status: "stopped", statusChangedAt: at(60) },
      { at: E, reason: "term_ended" },
    ],
  ])("R-FEAT-1: %s", (_n, over, expected) => {
    expect(featureStop(app(over), enabled)).toEqual(expected);
  });

  it("R-FEAT-1: a pending application closes too when the app leaves ultimate", () => {
    expect(nextFeatureStep(app({ edition: "pro" }), application())).toEqual({
      kind: "stop",
      at: at(1),
      reason: "left_ultimate",
    });
  });
});

describe("R-FEAT-1 entitlements report enabled features only", () => {
  const enabled = application({ status: "enabled", decidedAt: at(2), enableAt: at(50), enabledAt: at(50) });
  it.each<[string, FeatureApplication[], FeatureApp, Date, boolean, { broadcast: boolean; communities: boolean }]>([
    ["none applied", [], app(), at(60), true, { broadcast: false, communities: false }],
    ["pending", [application()], app(), at(60), true, { broadcast: false, communities: false }],
    ["approved, not yet enabled", [approved()], app(), at(60), true, { broadcast: false, communities: false }],
    ["enabled", [enabled], app(), at(60), true, { broadcast: true, communities: false }],
    [
      "enabled, one second before E",
      [enabled],
      app(),
      new Date(E.getTime() - 1000),
      true,
      { broadcast: true, communities: false },
    ],
    [
      "enabled but the term ended (stop not yet written)",
      [enabled],
      app(),
      E,
      true,
      { broadcast: false, communities: false },
    ],
    [
      "enabled but out of service",
      [enabled],
      app({ status: "suspended" }),
      at(60),
      false,
      { broadcast: false, communities: false },
    ],
    [
      "enabled but the app left ultimate",
      [enabled],
      app({ edition: "pro" }),
      at(60),
      true,
      { broadcast: false, communities: false },
    ],
    [
      "both enabled",
      [enabled, { ...enabled, feature: "communities" }],
      app(),
      at(60),
      true,
      { broadcast: true, communities: true },
    ],
  ])("R-FEAT-1: %s", (_n, apps, a, when, inService, expected) => {
    expect(enabledFeatures(a, apps, when, inService)).toEqual(expected);
  });
});
