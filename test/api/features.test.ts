import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apps, featureApplications, notifications } from "@/db/schema";
import { GET as listRoute, POST as applyRoute } from "@/app/api/v1/apps/[sdkAppId]/features/route";
import { GET as queueRoute } from "@/app/api/v1/admin/feature-applications/route";
import { POST as approveRoute } from "@/app/api/v1/admin/feature-applications/[id]/approve/route";
import { POST as rejectRoute } from "@/app/api/v1/admin/feature-applications/[id]/reject/route";
import { GET as entitlementsRoute } from "@/app/api/v1/apps/[sdkAppId]/entitlements/route";
import { POST as checkRoute } from "@/app/api/v1/apps/[sdkAppId]/entitlements/check/route";
import { can } from "@/lib/auth/permissions";
import { createApp } from "@/lib/services/apps";
import { runLifecycle } from "@/lib/services/lifecycle";
import { placeOrder } from "@/lib/services/purchase";
import { requestRefund } from "@/lib/services/refund";
import { applyFeature, approveFeature, listAppApplications, runFeaturesDue } from "@/lib/services/features";
import { timeline } from "@/lib/billing/timeline";
import {
  auditRows,
  call,
  createCustomer,
  createOperator,
  SLOW,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

const H = 3_600_000;
let op: TestOperator;
let c: TestCustomer;
let seq = 0;
const key = () => `feat-${Date.now()}-${++seq}`;

beforeAll(async () => {
  op = await createOperator();
  c = await createCustomer(op, { verified: true, cash: "900000.00" });
}, SLOW);

async function ultimateApp(who: TestCustomer = c, opts: { months?: number; autoRenew?: boolean } = {}) {
  const app = await createApp(who.actor, { name: "ultimate" });
  const { order } = await placeOrder(
    who.actor,
    {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition: "ultimate",
      months: opts.months ?? 3,
      packs: [],
      autoRenew: opts.autoRenew ?? false,
      agreeSla: true,
    },
    key(),
  );
  return { sdkAppId: app.sdkAppId, E: order.lines[0]!.periodEnd };
}

const apply = (sdkAppId: number, body: unknown, k = c.apiKey) =>
  call(applyRoute, { key: k, params: { sdkAppId: String(sdkAppId) }, body });
const list = (sdkAppId: number, k = c.apiKey) => call(listRoute, { key: k, params: { sdkAppId: String(sdkAppId) } });
const approve = (id: string, k = op.key) => call(approveRoute, { key: k, params: { id }, method: "POST" });
const reject = (id: string, body: unknown, k = op.key) => call(rejectRoute, { key: k, params: { id }, body });
const row = async (id: string) =>
  (await db().select().from(featureApplications).where(eq(featureApplications.id, id)))[0]!;
const run = (to: Date, who: TestCustomer = c) =>
  runFeaturesDue(new Date(to.getTime() - H), to, { accountIds: [who.accountId] });
const ent = (sdkAppId: number) => call(entitlementsRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } });
const canUse = async (sdkAppId: number, feature: string) =>
  (
    await call(checkRoute, {
      key: c.apiKey,
      params: { sdkAppId: String(sdkAppId) },
      body: { action: "use_feature", feature },
    })
  ).json;

/** Applies and approves through the API; returns the application and its approval instant. */
async function approvedApplication(sdkAppId: number, feature = "broadcast") {
  const a = await apply(sdkAppId, { feature });
  expect(a.status, JSON.stringify(a.json)).toBe(201);
  const r = await approve(a.json.id);
  expect(r.status).toBe(200);
  return { id: a.json.id as string, decidedAt: new Date(r.json.decidedAt), enableAt: new Date(r.json.enableAt) };
}

describe("R-FEAT-1 apply, approve, enable 48 hours later", () => {
  it(
    "R-FEAT-1: apply → 201 pending in API.md's shape; the list and the operator queue show it",
    async () => {
      const { sdkAppId } = await ultimateApp();
      const r = await apply(sdkAppId, { feature: "broadcast" });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({
        sdkAppId,
        feature: "broadcast",
        status: "pending",
        decidedAt: null,
        enabledAt: null,
      });
      expect(r.json.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(r.json.appliedAt)).not.toBeNaN();
      expect((await list(sdkAppId)).json).toEqual({ applications: [r.json] });
      const q = await call(queueRoute, { key: op.key, path: "/api/v1/admin/feature-applications?status=pending" });
      expect(q.status).toBe(200);
      expect(q.json.applications).toContainEqual({ ...r.json, accountId: c.accountId });
      expect(q.json.applications.every((a: { status: string }) => a.status === "pending")).toBe(true);
      expect((await auditRows(c.accountId)).some((x) => x.action === "feature.apply" && x.entityId === r.json.id)).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    "R-FEAT-1: enabled exactly at approval + 48 h: one second before not " +
      "enabled, at it enabled (and notified at that instant)",
    async () => {
      const { sdkAppId } = await ultimateApp();
      const { id, decidedAt, enableAt } = await approvedApplication(sdkAppId);
      expect(enableAt.getTime() - decidedAt.getTime()).toBe(48 * H);
      expect((await row(id)).status).toBe("approved");
      expect(await canUse(sdkAppId, "broadcast")).toMatchObject({ allowed: false, reason: "not_enabled" });

      expect(await run(new Date(enableAt.getTime() - 1000))).toBe(0);
      expect((await row(id)).status).toBe("approved");
      expect((await list(sdkAppId)).json.applications[0]).toMatchObject({ status: "approved", enabledAt: null });

      expect(await run(enableAt)).toBe(1);
      expect(await row(id)).toMatchObject({ status: "enabled", enabledAt: enableAt });
      expect(await run(new Date(enableAt.getTime() + 1000))).toBe(0);
      const [n] = await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, c.accountId), eq(notifications.kind, "feature_enabled")));
      expect(n!.sdkAppIds).toContain(sdkAppId);
      expect(n!.createdAt.getTime()).toBeLessThanOrEqual(enableAt.getTime());

      expect((await ent(sdkAppId)).json.features).toMatchObject({ broadcast: true, communities: false });
      expect(await canUse(sdkAppId, "broadcast")).toEqual({ allowed: true });
      expect(await canUse(sdkAppId, "communities")).toMatchObject({ allowed: false, reason: "not_enabled" });
    },
    SLOW,
  );

  it(
    "R-LIFE-7: one long window and many small windows give the same enabled instant; concurrent runs do it once",
    async () => {
      const a = await ultimateApp();
      const b = await ultimateApp();
      const x = await approvedApplication(a.sdkAppId);
      const y = await approvedApplication(b.sdkAppId);
      for (let t = x.enableAt.getTime() - 5 * H; t <= y.enableAt.getTime() + H; t += H) await run(new Date(t));
      expect((await row(x.id)).enabledAt).toEqual(x.enableAt);
      expect((await row(y.id)).enabledAt).toEqual(y.enableAt);
      const z = await approvedApplication((await ultimateApp()).sdkAppId);
      const w = await approvedApplication((await ultimateApp()).sdkAppId, "communities");
      const to = new Date(Math.max(z.enableAt.getTime(), w.enableAt.getTime()) + 10 * H);
      const done = await Promise.all([run(to), run(to)]);
      expect(done[0]! + done[1]!).toBe(2);
      expect((await row(z.id)).enabledAt).toEqual(z.enableAt);
      expect((await row(w.id)).enabledAt).toEqual(w.enableAt);
    },
    SLOW,
  );

  it(
    "R-FEAT-1: reject with a reason; a decided application cannot be decided again (409 invalid_state)",
    async () => {
      const { sdkAppId } = await ultimateApp();
      const a = await apply(sdkAppId, { feature: "communities" });
      const r = await reject(a.json.id, { reason: "  Tell us about your community moderation first.  " });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        id: a.json.id,
        status: "rejected",
        reason: "Tell us about your community moderation first.",
        enabledAt: null,
        accountId: c.accountId,
      });
      expect(r.json.decidedAt).not.toBeNull();
      expect((await approve(a.json.id)).json.error).toMatchObject({ code: "invalid_state" });
      expect((await approve(a.json.id)).status).toBe(409);
      expect((await reject(a.json.id, { reason: "again" })).status).toBe(409);
      // A rejected application is closed: the app may apply again.
      expect((await apply(sdkAppId, { feature: "communities" })).status).toBe(201);
    },
    SLOW,
  );

  it(
    "R-FEAT-1: one open application per app and feature: a second apply is 409; concurrent applies give one",
    async () => {
      const { sdkAppId } = await ultimateApp();
      expect((await apply(sdkAppId, { feature: "broadcast" })).status).toBe(201);
      const again = await apply(sdkAppId, { feature: "broadcast" });
      expect(again.status).toBe(409);
      expect(again.json.error).toMatchObject({
        code: "invalid_state",
        details: { reason: "already_applied", status: "pending" },
      });

      const other = await ultimateApp();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => apply(other.sdkAppId, { feature: "communities" })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const app = (await db().select().from(apps).where(eq(apps.sdkAppId, other.sdkAppId)))[0]!;
      const [n] = await db()
        .select({ n: count() })
        .from(featureApplications)
        .where(eq(featureApplications.appId, app.id));
      expect(n!.n).toBe(1);
    },
    SLOW,
  );
});

describe("R-FEAT-1 who may apply", () => {
  it(
    "R-FEAT-1: a pro or trial app → 422 not_eligible with the reason; nothing written",
    async () => {
      const trial = await createApp(c.actor, { name: "trial" });
      const pro = await createApp(c.actor, { name: "pro" });
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: pro.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
        key(),
      );
      for (const id of [trial.sdkAppId, pro.sdkAppId]) {
        const r = await apply(id, { feature: "broadcast" });
        expect(r.status).toBe(422);
        expect(r.json.error).toMatchObject({ code: "not_eligible", details: { reason: "not_ultimate" } });
        expect((await list(id)).json.applications).toEqual([]);
      }
    },
    SLOW,
  );

  it("R-FEAT-1: only the owner applies (features:write); members read the applications (apps:read)", () => {
    const member = { kind: "customer" as const, accountId: c.accountId, role: "member" as const };
    expect(can(member, "features:write")).toBe(false);
    expect(can(member, "apps:read")).toBe(true);
    expect(can(c.actor, "features:write")).toBe(true);
  });

  it(
    "R-FEAT-1: bad input → 400 validation_failed naming the field, nothing written",
    async () => {
      const { sdkAppId } = await ultimateApp();
      for (const body of [{}, { feature: "teleport" }, { feature: 1 }, "{"]) {
        const r = await apply(sdkAppId, body);
        expect(r.status).toBe(400);
        expect(r.json.error.code).toBe("validation_failed");
        expect(Object.keys(r.json.error.details.fields)).toEqual([typeof body === "string" ? "body" : "feature"]);
      }
      expect((await list(sdkAppId)).json.applications).toEqual([]);
      const a = await apply(sdkAppId, { feature: "broadcast" });
      for (const body of [{}, { reason: "   " }, { reason: "x".repeat(501) }]) {
        const r = await reject(a.json.id, body);
        expect(r.status).toBe(400);
        expect(Object.keys(r.json.error.details.fields)).toEqual(["reason"]);
      }
      expect((await row(a.json.id)).status).toBe("pending");
      const q = await call(queueRoute, { key: op.key, path: "/api/v1/admin/feature-applications?status=open" });
      expect(q.status).toBe(400);
      expect(q.json.error.details.fields).toHaveProperty("status");
    },
    SLOW,
  );

  it(
    "R-FEAT-1: another account's app is 404; customers get 403 on the operator routes; unknown ids are 404",
    async () => {
      const { sdkAppId } = await ultimateApp();
      const a = await apply(sdkAppId, { feature: "broadcast" });
      const other = await createCustomer(op, { verified: true });
      expect((await apply(sdkAppId, { feature: "broadcast" }, other.apiKey)).status).toBe(404);
      expect((await list(sdkAppId, other.apiKey)).status).toBe(404);
      expect((await call(queueRoute, { key: c.apiKey })).status).toBe(403);
      expect((await approve(a.json.id, c.apiKey)).status).toBe(403);
      expect((await reject(a.json.id, { reason: "no" }, c.apiKey)).status).toBe(403);
      expect((await approve("not-a-uuid")).status).toBe(404);
      expect((await approve("00000000-0000-0000-0000-000000000000")).status).toBe(404);
      expect((await row(a.json.id)).status).toBe("pending");
    },
    SLOW,
  );
});

describe("R-FEAT-1 a feature stops when the app leaves ultimate or its term ends", () => {
  async function enabledOn(sdkAppId: number) {
    const x = await approvedApplication(sdkAppId);
    await run(x.enableAt);
    expect((await row(x.id)).status).toBe("enabled");
    return x;
  }

  it(
    "R-FEAT-1: a plan change to pro stops it at once (in the change's transaction)",
    async () => {
      const { sdkAppId } = await ultimateApp();
      const x = await enabledOn(sdkAppId);
      const pending = await apply(sdkAppId, { feature: "communities" });
      await placeOrder(
        c.actor,
        { type: "change", sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
        key(),
      );
      expect(await row(x.id)).toMatchObject({ status: "stopped", stopReason: "left_ultimate" });
      expect(await row(pending.json.id)).toMatchObject({ status: "stopped", stopReason: "left_ultimate" });
      expect((await ent(sdkAppId)).json.features).toMatchObject({ broadcast: false, communities: false });
      expect(await canUse(sdkAppId, "broadcast")).toMatchObject({ allowed: false, errorCode: 10059 });
    },
    SLOW,
  );

  it(
    "R-FEAT-1: a plan refund stops it at once, approved ones too",
    async () => {
      const { sdkAppId } = await ultimateApp();
      const x = await enabledOn(sdkAppId);
      const y = await approvedApplication(sdkAppId, "communities");
      await requestRefund(c.actor, { sdkAppId, product: "plan", mode: "standard" });
      expect(await row(x.id)).toMatchObject({ status: "stopped", stopReason: "refunded" });
      expect(await row(y.id)).toMatchObject({ status: "stopped", stopReason: "refunded", enabledAt: null });
      expect(await run(new Date(y.enableAt.getTime() + H))).toBe(0);
      expect((await row(y.id)).status).toBe("stopped");
    },
    SLOW,
  );

  it(
    "R-FEAT-1: the term ends at E unless renewed: one second before still enabled, at E stopped",
    async () => {
      const { sdkAppId, E } = await ultimateApp(c, { months: 1 });
      const x = await enabledOn(sdkAppId);
      await runLifecycle(new Date(E.getTime() - 1000), { accountIds: [c.accountId] });
      await run(new Date(E.getTime() - 1000));
      expect((await row(x.id)).status).toBe("enabled");
      await runLifecycle(E, { accountIds: [c.accountId] });
      await run(E);
      expect(await row(x.id)).toMatchObject({ status: "stopped", stopReason: "term_ended", stoppedAt: E });
    },
    SLOW,
  );

  it(
    "R-FEAT-1: auto-renewed at E (the lifecycle runs first) keeps the feature",
    async () => {
      const { sdkAppId, E } = await ultimateApp(c, { months: 1, autoRenew: true });
      const x = await enabledOn(sdkAppId);
      await runLifecycle(E, { accountIds: [c.accountId] });
      const renewed = (await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId)))[0]!;
      expect(renewed.expiresAt!.getTime()).toBeGreaterThan(E.getTime());
      await run(E);
      expect((await row(x.id)).status).toBe("enabled");
    },
    SLOW,
  );

  it(
    "R-FEAT-1: an application still pending when the term ends is closed then; approving a stopped one is 409",
    async () => {
      const { sdkAppId, E } = await ultimateApp(c, { months: 1 });
      const a = await applyFeature(c.actor, sdkAppId, "broadcast");
      await run(E);
      expect(await row(a.id)).toMatchObject({ status: "stopped", stopReason: "term_ended" });
      await expect(approveFeature(op.actor, a.id)).rejects.toMatchObject({ code: "invalid_state" });
    },
    SLOW,
  );
});

describe("timeline: the page says what the engine will do", () => {
  it(
    "timeline: each listed instant is when the engine acts (one second before: not yet)",
    async () => {
      const { sdkAppId } = await ultimateApp(c, { months: 1 });
      const x = await approvedApplication(sdkAppId);
      const appNow = async () => (await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId)))[0]!;
      const app = await appNow();
      const events = timeline(app, await listAppApplications(c.accountId, sdkAppId));
      expect(events.map((e) => e.kind)).toEqual(["feature_enable", "expire", "feature_stop", "suspend", "reclaim"]);
      const lifecycle = (to: Date) => runLifecycle(to, { accountIds: [c.accountId] });
      const justBefore = (d: Date) => new Date(d.getTime() - 1000);
      // Events at one instant (E: the term ends and the feature stops) are checked together.
      const instants = [...new Set(events.map((e) => e.at.getTime()))].map((t) => new Date(t));
      for (const at of instants) {
        const here = events.filter((e) => e.at.getTime() === at.getTime());
        await lifecycle(justBefore(at));
        await run(justBefore(at));
        const [a, r] = [await appNow(), await row(x.id)];
        for (const e of here) {
          if (e.kind === "feature_enable") expect(r.status).toBe("approved");
          if (e.kind === "expire") expect(a.status).toBe("enabled");
          if (e.kind === "feature_stop") expect(r.status).toBe("enabled");
          if (e.kind === "suspend") expect(a.status).toBe("grace");
          if (e.kind === "reclaim") expect(a.status).toBe("suspended");
        }
        await lifecycle(at);
        await run(at);
        const [a2, r2] = [await appNow(), await row(x.id)];
        for (const e of here) {
          if (e.kind === "feature_enable") expect(r2).toMatchObject({ status: "enabled", enabledAt: at });
          if (e.kind === "expire") expect(a2.status).toBe("grace");
          if (e.kind === "feature_stop") expect(r2).toMatchObject({ status: "stopped", stoppedAt: at });
          if (e.kind === "suspend") expect(a2).toMatchObject({ status: "suspended", statusChangedAt: at });
          if (e.kind === "reclaim") expect(a2).toMatchObject({ status: "reclaimed", statusChangedAt: at });
        }
      }
    },
    SLOW,
  );
});
