import { describe, expect, it } from "vitest";
import {
  APP_CAP,
  atCap,
  buyBlock,
  canBuyFor,
  checkAppName,
  checkCap,
  deleteTransition,
  disablingEnd,
  hasValidTerm,
  isGone,
  isRenewable,
  nearCap,
  startTransition,
  statusAfterPlanRefund,
  statusAfterTerm,
  stopTransition,
  termStatus,
  type AppStatus,
} from "./apps";

const at = (s: string) => new Date(s);

describe("R-APP-2 app names", () => {
  it.each([
    ["  My app  ", { kind: "ok", name: "My app" }],
    ["", { kind: "invalid", reason: "empty" }],
    ["   ", { kind: "invalid", reason: "empty" }],
    ["x".repeat(64), { kind: "ok", name: "x".repeat(64) }],
    ["x".repeat(65), { kind: "invalid", reason: "too_long" }],
    ["应".repeat(64), { kind: "ok", name: "应".repeat(64) }],
    ["😀".repeat(64), { kind: "ok", name: "😀".repeat(64) }],
  ])("%j", (raw, expected) => {
    expect(checkAppName(raw)).toEqual(expected);
  });
});

describe("R-APP-1 cap", () => {
  it("allows the 100th app and refuses the 101st", () => {
    expect(checkCap(APP_CAP - 1)).toEqual({ kind: "ok" });
    expect(checkCap(APP_CAP)).toEqual({ kind: "app_limit_reached", cap: 100, count: 100 });
  });
});

describe("R-APP-4 stop, start, delete", () => {
  it("stops only enabled apps", () => {
    expect(stopTransition("enabled")).toMatchObject({ kind: "ok", status: "stopped", reason: "by_customer" });
    for (const s of ["grace", "disabling", "suspended", "stopped", "reclaimed", "deleted"] as const) {
      expect(stopTransition(s).kind).toBe("invalid_state");
    }
  });
  it("deletes only stopped apps", () => {
    expect(deleteTransition("stopped")).toMatchObject({ kind: "ok", status: "deleted" });
    expect(deleteTransition("enabled").kind).toBe("invalid_state");
  });
  it("starts a stopped app into the status its term gives it", () => {
    const now = at("2026-03-10T00:00:00+08:00");
    expect(startTransition({ status: "stopped", edition: "trial", expiresAt: null }, now)).toMatchObject({
      status: "enabled",
    });
    expect(
      startTransition({ status: "stopped", edition: "pro", expiresAt: at("2026-04-01T00:00:00+08:00") }, now),
    ).toMatchObject({ status: "enabled" });
    expect(
      startTransition({ status: "stopped", edition: "pro", expiresAt: at("2026-03-05T00:00:00+08:00") }, now),
    ).toMatchObject({ status: "grace", reason: "expired" });
    expect(startTransition({ status: "enabled", edition: "trial", expiresAt: null }, now).kind).toBe("invalid_state");
  });
  it("suspends after the 7-day grace", () => {
    const E = at("2026-03-01T00:00:00+08:00");
    expect(termStatus({ edition: "pro", expiresAt: E }, new Date(E.getTime() + 7 * 86_400_000 - 1000)).status).toBe(
      "grace",
    );
    expect(termStatus({ edition: "pro", expiresAt: E }, new Date(E.getTime() + 7 * 86_400_000)).status).toBe(
      "suspended",
    );
  });
});

const ALL: AppStatus[] = ["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed", "deleted"];
const E = at("2026-03-01T00:00:00+08:00");

describe("R-APP-1 at and near the cap", () => {
  it("R-APP-1: at the cap from the 100th counted app on", () => {
    expect(atCap(APP_CAP - 1)).toBe(false);
    expect(atCap(APP_CAP)).toBe(true);
  });
  it("R-APP-1: near the cap in the last 5 slots (95 of 100 on), not before", () => {
    expect(nearCap(94)).toBe(false);
    expect(nearCap(95)).toBe(true);
    expect(nearCap(APP_CAP)).toBe(true);
  });
});

describe("R-BUY-1, R-APP-4, R-LIFE-5 can buy for", () => {
  it.each(
    ALL.map((s) => [s, s === "stopped" ? "app_stopped" : s === "reclaimed" || s === "deleted" ? "app_gone" : null]),
  )("R-BUY-1: a %s app: %s", (status, block) => {
    expect(buyBlock(status as AppStatus)).toBe(block);
    expect(canBuyFor(status as AppStatus)).toBe(block === null);
  });
  it("R-LIFE-5: reclaimed and deleted apps are gone, every other status is not", () => {
    expect(ALL.filter(isGone)).toEqual(["reclaimed", "deleted"]);
  });
});

describe("R-BUY-4 has a valid term", () => {
  const pro = { edition: "pro" as const, status: "enabled" as const, expiresAt: E };
  it("R-BUY-4: a paid enabled app until E (E itself is past the term)", () => {
    expect(hasValidTerm(pro, new Date(E.getTime() - 1000))).toBe(true);
    expect(hasValidTerm(pro, E)).toBe(false);
  });
  it("R-BUY-4: trial apps and apps without E have none", () => {
    expect(hasValidTerm({ ...pro, edition: "trial" }, at("2026-02-01T00:00:00+08:00"))).toBe(false);
    expect(hasValidTerm({ ...pro, expiresAt: null }, at("2026-02-01T00:00:00+08:00"))).toBe(false);
  });
  it.each(ALL.filter((s) => s !== "enabled"))("R-BUY-4: a %s app has none, even before E", (status) => {
    expect(hasValidTerm({ ...pro, status }, at("2026-02-01T00:00:00+08:00"))).toBe(false);
  });
});

describe("R-LIFE-1 is renewable", () => {
  it.each(ALL.map((s) => [s, ["enabled", "grace", "disabling", "suspended"].includes(s)]))(
    "R-LIFE-1: a paid %s app: %s",
    (status, renewable) => {
      expect(isRenewable({ edition: "pro", status: status as AppStatus, expiresAt: E })).toBe(renewable);
    },
  );
  it("R-LIFE-1: a trial app, or one without a term, has nothing to renew", () => {
    expect(isRenewable({ edition: "trial", status: "enabled", expiresAt: null })).toBe(false);
    expect(isRenewable({ edition: "pro", status: "enabled", expiresAt: null })).toBe(false);
    expect(isRenewable({ edition: "ultimate", status: "grace", expiresAt: E.toISOString() })).toBe(true);
  });
});

describe("R-BUY-4, R-LIFE-1, R-LIFE-4 status after a purchase or renewal", () => {
  it("R-LIFE-1: an enabled app stays as it is", () => {
    expect(statusAfterTerm({ status: "enabled", statusReason: "purchased" }, "renewal")).toBeNull();
  });
  it.each([
    ["grace", "expired"],
    ["disabling", "refunded"],
    ["suspended", "expired"],
    ["suspended", "refunded"],
  ] as const)("R-LIFE-1: a %s (%s) app is back in service", (status, statusReason) => {
    expect(statusAfterTerm({ status, statusReason }, "renewal")).toEqual({ status: "enabled", reason: "renewed" });
    expect(statusAfterTerm({ status, statusReason }, "new")).toEqual({ status: "enabled", reason: "purchased" });
  });
  it("R-LIFE-4: an arrears suspension ends only with the balance, not with a new term", () => {
    expect(statusAfterTerm({ status: "suspended", statusReason: "arrears" }, "renewal")).toBeNull();
    expect(statusAfterTerm({ status: "suspended", statusReason: "arrears" }, "new")).toBeNull();
  });
});

describe("R-REF-4 status after a plan refund", () => {
  it.each(ALL.map((s) => [s, s === "enabled" || s === "grace"]))("R-REF-4: a %s app goes disabling: %s", (s, to) => {
    expect(statusAfterPlanRefund(s as AppStatus)).toEqual(to ? { status: "disabling", reason: "refunded" } : null);
  });
  it("R-REF-4: disabling lasts 7 days from the refund", () => {
    expect(disablingEnd(E)).toEqual(at("2026-03-08T00:00:00+08:00"));
  });
});
