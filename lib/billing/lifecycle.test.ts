import { describe, expect, it } from "vitest";
import { shanghaiMidnight } from "./calendar";
import {
  expiryWarningWindow,
  inExpiryWarning,
  nextEvent,
  reclaimAt,
  remindersIn,
  renewRetries,
  type LifecycleApp,
} from "./lifecycle";

const E = shanghaiMidnight("2027-03-01");
const app = (over: Partial<LifecycleApp> = {}): LifecycleApp => ({
  sdkAppId: 1400000001,
  edition: "pro",
  status: "enabled",
  statusReason: "purchased",
  statusChangedAt: shanghaiMidnight("2027-02-01"),
  expiresAt: E,
  autoRenew: false,
  dontRenew: false,
  disablingUntil: null,
  renewAttemptAt: null,
  ...over,
});

describe("§7 lifecycle events", () => {
  it("§7: an enabled paid app's next event is its expiry at E", () => {
    expect(nextEvent(app())).toEqual({ kind: "expire", at: E });
  });

  it("§7: trial apps have no lifecycle", () => {
    expect(nextEvent(app({ edition: "trial", expiresAt: null }))).toBeNull();
  });

  it("§7: in grace without auto-renew, suspension at E + 7 d", () => {
    expect(nextEvent(app({ status: "grace" }))).toEqual({
      kind: "suspend_expired",
      at: shanghaiMidnight("2027-03-08"),
    });
  });

  it("R-BUY-9: in grace with auto-renew, retries at 00:00 of each of the 6 days after E, then suspension", () => {
    expect(renewRetries(E).map((d) => d.toISOString())).toEqual(
      ["02", "03", "04", "05", "06", "07"].map((d) => shanghaiMidnight(`2027-03-${d}`).toISOString()),
    );
    const grace = app({ status: "grace", autoRenew: true, renewAttemptAt: E });
    expect(nextEvent(grace)).toEqual({ kind: "retry_renew", at: shanghaiMidnight("2027-03-02") });
    expect(nextEvent({ ...grace, renewAttemptAt: shanghaiMidnight("2027-03-04") })).toEqual({
      kind: "retry_renew",
      at: shanghaiMidnight("2027-03-05"),
    });
    expect(nextEvent({ ...grace, renewAttemptAt: shanghaiMidnight("2027-03-07") })).toEqual({
      kind: "suspend_expired",
      at: shanghaiMidnight("2027-03-08"),
    });
  });

  it('R-LIFE-2: "don\'t renew" means no retries', () => {
    expect(nextEvent(app({ status: "grace", autoRenew: true, dontRenew: true }))).toMatchObject({
      kind: "suspend_expired",
    });
  });

  it("R-BUY-9: an E that is not a midnight retries at the following midnights", () => {
    const e = new Date(shanghaiMidnight("2027-03-01").getTime() + 13 * 3600_000);
    expect(renewRetries(e)[0]).toEqual(shanghaiMidnight("2027-03-02"));
  });

  it("R-REF-4: disabling ends at its deadline", () => {
    const until = shanghaiMidnight("2027-02-20");
    expect(nextEvent(app({ status: "disabling", disablingUntil: until }))).toEqual({
      kind: "suspend_refunded",
      at: until,
    });
  });

  it("R-LIFE-5: suspended on day S (kept S … S + 89) → reclaimed at 00:00 of day S + 90", () => {
    const suspended = new Date(shanghaiMidnight("2027-03-08").getTime() + 5 * 3600_000);
    expect(reclaimAt(suspended)).toEqual(shanghaiMidnight("2027-06-06"));
    expect(nextEvent(app({ status: "suspended", statusChangedAt: suspended }))).toEqual({
      kind: "reclaim",
      at: shanghaiMidnight("2027-06-06"),
    });
  });

  it("R-LIFE-5: a suspension at 00:00 of S and at 23:59:59 of S are both reclaimed at 00:00 of S + 90", () => {
    expect(reclaimAt(shanghaiMidnight("2027-01-01"))).toEqual(shanghaiMidnight("2027-04-01"));
    expect(reclaimAt(new Date(shanghaiMidnight("2027-01-02").getTime() - 1000))).toEqual(
      shanghaiMidnight("2027-04-01"),
    );
  });

  it.each(["stopped", "reclaimed", "deleted"] as const)("§7: a %s app has nothing scheduled", (status) => {
    expect(nextEvent(app({ status }))).toBeNull();
  });
});

describe("§7 reminders", () => {
  const at = (day: string, h = 0) => new Date(shanghaiMidnight(day).getTime() + h * 3600_000);
  const Enoon = at("2027-03-01", 12);

  it("§7: expiry warning at E − 7 d, then at 00:00 of each following day before E", () => {
    const r = remindersIn(app({ expiresAt: Enoon }), at("2027-02-01"), at("2027-03-02"));
    expect(r.map((x) => x.at)).toEqual([
      at("2027-02-22", 12),
      ...["23", "24", "25", "26", "27", "28"].map((d) => at(`2027-02-${d}`)),
      at("2027-03-01"),
    ]);
    expect(new Set(r.map((x) => x.kind))).toEqual(new Set(["expiry_warning"]));
  });

  it("§7: the window is half-open (from, to]: one second before E − 7 d nothing, at it one warning", () => {
    const start = at("2027-02-22", 12);
    expect(remindersIn(app({ expiresAt: Enoon }), at("2027-02-20"), new Date(start.getTime() - 1000))).toEqual([]);
    expect(remindersIn(app({ expiresAt: Enoon }), new Date(start.getTime() - 1000), start)).toEqual([
      { kind: "expiry_warning", at: start },
    ]);
  });

  it("§7: in grace, the expired warning at 00:00 of each day after E until E + 7 d", () => {
    const r = remindersIn(app({ status: "grace", expiresAt: Enoon }), Enoon, at("2027-04-01"));
    expect(r).toEqual(
      ["02", "03", "04", "05", "06", "07", "08"].map((d) => ({ kind: "expired", at: at(`2027-03-${d}`) })),
    );
  });

  it('R-LIFE-2: "don\'t renew" silences reminders; suspended, trial and stopped apps have none', () => {
    const w: [Date, Date] = [at("2027-01-01"), at("2027-04-01")];
    expect(remindersIn(app({ dontRenew: true }), ...w)).toEqual([]);
    expect(remindersIn(app({ status: "suspended" }), ...w)).toEqual([]);
    expect(remindersIn(app({ status: "stopped" }), ...w)).toEqual([]);
    expect(remindersIn(app({ edition: "trial", expiresAt: null }), ...w)).toEqual([]);
  });
});

describe("§7 expiry warning window [E − 7 d, E)", () => {
  const week = 7 * 86_400_000;
  const before = (ms: number) => new Date(E.getTime() - ms);

  it("§7: warned from E − 7 d exactly (inclusive) until just before E", () => {
    expect(inExpiryWarning(app(), before(week + 1000))).toBe(false);
    expect(inExpiryWarning(app(), before(week))).toBe(true);
    expect(inExpiryWarning(app(), before(1000))).toBe(true);
    expect(inExpiryWarning(app(), E)).toBe(false);
  });

  it("§7: the window's bounds are those of the predicate: after < E ≤ until", () => {
    const at = before(week);
    expect(expiryWarningWindow(at)).toEqual({ after: at, until: E });
  });

  it('R-LIFE-2: "don\'t renew" keeps the warning (the banner stays; only reminders stop)', () => {
    expect(inExpiryWarning(app({ dontRenew: true }), before(1000))).toBe(true);
  });

  it.each(["grace", "disabling", "suspended", "stopped", "reclaimed", "deleted"] as const)(
    "§7: a %s app is not in the expiry warning",
    (status) => {
      expect(inExpiryWarning(app({ status }), before(1000))).toBe(false);
    },
  );

  it("§7: trial apps have no expiry warning", () => {
    expect(inExpiryWarning(app({ edition: "trial", expiresAt: null }), before(1000))).toBe(false);
  });
});
