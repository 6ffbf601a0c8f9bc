import { beforeAll, describe, expect, it } from "vitest";
import { POST as loginsRoute } from "@/app/api/v1/usage/logins/route";
import { POST as dailyRoute } from "@/app/api/v1/usage/daily/route";
import { GET as usageRoute } from "@/app/api/v1/apps/[sdkAppId]/usage/route";
import { createApp } from "@/lib/services/apps";
import { call, createCustomer, createOperator, SLOW, type TestCustomer } from "../helpers";

let c: TestCustomer;
let other: TestCustomer;
let id: number;
beforeAll(async () => {
  const op = await createOperator();
  c = await createCustomer(op);
  other = await createCustomer(op);
  id = (await createApp(c.actor, { name: "usage" })).sdkAppId;
}, SLOW);

const usage = (from: string, to: string, key = c.apiKey) =>
  call(usageRoute, { key, params: { sdkAppId: String(id) }, path: `/api/v1/apps/${id}/usage?from=${from}&to=${to}` });

describe("§8 usage", () => {
  it("R-USE-1: a user counts once per app per Shanghai day, on the Shanghai day of the login", async () => {
    const events = [
      { sdkAppId: id, userId: "u1", at: "2027-03-01T09:00:00+08:00" },
      { sdkAppId: id, userId: "u1", at: "2027-03-01T18:00:00+08:00" },
      { sdkAppId: id, userId: "u2", at: "2027-03-01T23:59:59+08:00" },
      // 16:30 UTC on Mar 1 is 00:30 on Mar 2 in Shanghai
      { sdkAppId: id, userId: "u1", at: "2027-03-01T16:30:00Z" },
    ];
    const r = await call(loginsRoute, { key: c.apiKey, body: { events } });
    expect(r.json).toEqual({ accepted: 4 });
    await call(loginsRoute, { key: c.apiKey, body: { events } }); // a repeated report changes nothing
    const u = await usage("2027-03-01", "2027-03-03");
    expect(u.status).toBe(200);
    expect(u.json.days.map((d: { date: string; dau: number }) => [d.date, d.dau])).toEqual([
      ["2027-03-01", 2],
      ["2027-03-02", 1],
      ["2027-03-03", 0],
    ]);
  });

  it("R-USE-2: reports for the same app and day keep the maximum of each figure", async () => {
    const rec = (groups: number, liveGroups: number, domestic: number, international: number) => ({
      sdkAppId: id,
      date: "2027-04-10",
      groups,
      liveGroups,
      bandwidthMbps: { domestic, international },
    });
    expect(
      (await call(dailyRoute, { key: c.apiKey, body: { records: [rec(100, 5, 2.5, 0), rec(80, 9, 1, 0.5)] } })).json,
    ).toEqual({ accepted: 2 });
    await call(dailyRoute, { key: c.apiKey, body: { records: [rec(90, 1, 3, 0)] } });
    const u = await usage("2027-04-10", "2027-04-10");
    expect(u.json.days).toEqual([
      { date: "2027-04-10", dau: 0, groups: 100, liveGroups: 9, bandwidthMbps: { domestic: 3, international: 0.5 } },
    ]);
  });

  it.each([
    [
      "an app of another account",
      () => ({ key: other.apiKey, body: { events: [{ sdkAppId: id, userId: "x", at: "2027-03-01T00:00:00Z" }] } }),
      "events.0.sdkAppId",
    ],
    [
      "an instant without offset",
      () => ({ key: c.apiKey, body: { events: [{ sdkAppId: id, userId: "x", at: "2027-03-01T00:00:00" }] } }),
      "events.0.at",
    ],
    [
      "an empty user id",
      () => ({ key: c.apiKey, body: { events: [{ sdkAppId: id, userId: "", at: "2027-03-01T00:00:00Z" }] } }),
      "events.0.userId",
    ],
  ])("API: logins with %s → 400 naming the field, nothing recorded", async (_n, req, field) => {
    const r = await call(loginsRoute, req());
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.error.details.fields)).toContain(field);
  });

  it(
    "API: more than 10,000 events → 400",
    async () => {
      const events = Array.from({ length: 10_001 }, (_, i) => ({
        sdkAppId: id,
        userId: `u${i}`,
        at: "2027-05-01T00:00:00Z",
      }));
      const r = await call(loginsRoute, { key: c.apiKey, body: { events } });
      expect(r.status).toBe(400);
      expect((await usage("2027-05-01", "2027-05-01")).json.days[0].dau).toBe(0);
    },
    SLOW,
  );

  it(
    "API: 10,000 events in one call are accepted",
    async () => {
      const events = Array.from({ length: 10_000 }, (_, i) => ({
        sdkAppId: id,
        userId: `bulk${i % 2500}`,
        at: "2027-06-01T12:00:00+08:00",
      }));
      expect((await call(loginsRoute, { key: c.apiKey, body: { events } })).json).toEqual({ accepted: 10_000 });
      expect((await usage("2027-06-01", "2027-06-01")).json.days[0].dau).toBe(2500);
    },
    SLOW,
  );

  it.each([
    ["from after to", "2027-03-05", "2027-03-01", "from"],
    ["a bad day", "2027-13-01", "2027-03-01", "from"],
    ["more than 366 days", "2026-01-01", "2027-06-01", "to"],
  ])("API: a usage range with %s → 400", async (_n, from, to, field) => {
    const r = await usage(from, to);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.error.details.fields)).toContain(field);
  });

  it("R-APP-4: another account cannot read the usage", async () => {
    expect((await usage("2027-03-01", "2027-03-01", other.apiKey)).status).toBe(404);
  });
});

describe("R-USE-4 this month so far", () => {
  it(
    "R-USE-4: peaks against the free quota and an estimate of the month's overage (paid apps only)",
    async () => {
      const { monthToDate } = await import("@/lib/services/usage");
      const { placeOrder } = await import("@/lib/services/purchase");
      const { shanghaiDay } = await import("@/lib/billing/calendar");
      const { now } = await import("@/lib/clock");
      const op = await createOperator();
      const p = await createCustomer(op, { verified: true, cash: "20000.00" });
      const paid = (await createApp(p.actor, { name: "paid" })).sdkAppId;
      const trial = (await createApp(p.actor, { name: "trial" })).sdkAppId;
      await placeOrder(
        p.actor,
        { type: "plan", sdkAppId: paid, edition: "pro", months: 1, packs: [], agreeSla: true },
        `mtd-${paid}`,
      );
      const today = shanghaiDay(await now());
      const records = [paid, trial].map((sdkAppId) => ({
        sdkAppId,
        date: today,
        groups: 150_000,
        liveGroups: 3,
        bandwidthMbps: { domestic: 1, international: 0 },
      }));
      await call(dailyRoute, { key: p.apiKey, body: { records } });
      const m = await monthToDate(p.actor, paid);
      expect(m.today).toMatchObject({ date: today, groups: 150_000, liveGroups: 3 });
      expect(m.free).toEqual({ dau: 10_000, peakGroups: 100_000 });
      expect(m.estimate).toMatchObject({ groups: "1000.00", dau: "0.00", bandwidth: "2.00", total: "1002.00" });
      expect((await monthToDate(p.actor, trial)).estimate.total).toBe("0.00");
    },
    SLOW,
  );
});
