import { describe, expect, it } from "vitest";
import { APP_CAP, checkAppName, checkCap, deleteTransition, startTransition, stopTransition, termStatus } from "./apps";

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
