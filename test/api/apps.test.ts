import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apps } from "@/db/schema";
import { GET as listAppsRoute, POST as createAppRoute } from "@/app/api/v1/apps/route";
import { DELETE as deleteAppRoute, GET as getAppRoute } from "@/app/api/v1/apps/[sdkAppId]/route";
import { POST as stopRoute } from "@/app/api/v1/apps/[sdkAppId]/stop/route";
import { POST as startRoute } from "@/app/api/v1/apps/[sdkAppId]/start/route";
import { PUT as autoRenewRoute } from "@/app/api/v1/apps/[sdkAppId]/auto-renew/route";
import { appHistory, createApp, getApp } from "@/lib/services/apps";
import { isDomainError } from "@/lib/errors";
import {
  allApps,
  auditRows,
  call,
  countedApps,
  createCustomer,
  createOperator,
  insertApps,
  SLOW,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const appPath = (id: number | string) => ({ sdkAppId: String(id) });

describe("R-APP-1 the 100-app cap", () => {
  it(
    "R-APP-1: 20 concurrent creates on 95 apps → exactly 5 succeed, 15 get 409 app_limit_reached",
    async () => {
      const c = await createCustomer(op);
      await insertApps(c.accountId, 95);
      expect(await countedApps(c.accountId)).toBe(95);

      // Half through the service, half through the POST /apps handler, all at once.
      const viaService = Array.from({ length: 10 }, (_, i) =>
        createApp(c.actor, { name: `svc ${i}` }).then(
          () => ({ ok: true as const }),
          (e: unknown) => {
            if (!isDomainError(e)) throw e;
            return { ok: false as const, status: e.status, code: e.code as string, message: e.message };
          },
        ),
      );
      const viaApi = Array.from({ length: 10 }, (_, i) =>
        call(createAppRoute, { key: c.apiKey, body: { name: `api ${i}` } }).then((r) =>
          r.status === 201
            ? { ok: true as const }
            : {
                ok: false as const,
                status: r.status,
                code: r.json?.error?.code as string,
                message: r.json?.error?.message as string,
              },
        ),
      );
      const results = await Promise.all([...viaService, ...viaApi]);
      const ok = results.filter((r) => r.ok);
      const failed = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
      expect(ok).toHaveLength(5);
      expect(failed).toHaveLength(15);
      for (const f of failed) {
        expect(f.status).toBe(409);
        expect(f.code).toBe("app_limit_reached");
        expect(f.message).toMatch(/stop/i);
        expect(f.message).toMatch(/delete/i);
      }
      expect(await countedApps(c.accountId)).toBe(100);
      expect(await allApps(c.accountId)).toBe(100);
    },
    SLOW,
  );

  it(
    "R-APP-1: a stopped app still holds its slot; deleting it frees exactly one",
    async () => {
      const c = await createCustomer(op);
      await insertApps(c.accountId, 99);
      const last = await call(createAppRoute, { key: c.apiKey, body: { name: "the 100th" } });
      expect(last.status).toBe(201);

      const over = await call(createAppRoute, { key: c.apiKey, body: { name: "the 101st" } });
      expect(over.status).toBe(409);
      expect(over.json.error.code).toBe("app_limit_reached");
      expect(over.json.error.message).toMatch(/delete/i);

      const id = last.json.sdkAppId as number;
      expect((await call(stopRoute, { key: c.apiKey, params: appPath(id) })).status).toBe(200);
      // stopped still counts
      expect((await call(createAppRoute, { key: c.apiKey, body: { name: "still no" } })).status).toBe(409);
      expect((await call(deleteAppRoute, { method: "DELETE", key: c.apiKey, params: appPath(id) })).status).toBe(204);
      expect(await countedApps(c.accountId)).toBe(99);

      const [a, b] = await Promise.all([
        call(createAppRoute, { key: c.apiKey, body: { name: "freed 1" } }),
        call(createAppRoute, { key: c.apiKey, body: { name: "freed 2" } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect(await countedApps(c.accountId)).toBe(100);
    },
    SLOW,
  );
});

describe("R-APP-2 a new app", () => {
  it("R-APP-2: gets a unique 10-digit SDKAppID ≥ 1400000000, trimmed name, trial, enabled, no expiry", async () => {
    const c = await createCustomer(op);
    const r1 = await call(createAppRoute, { key: c.apiKey, body: { name: "  My first app  " } });
    const r2 = await call(createAppRoute, { key: c.apiKey, body: { name: "应用二" } });
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    const a = r1.json;
    expect(a).toMatchObject({
      name: "My first app",
      edition: "trial",
      status: "enabled",
      statusReason: "created",
      expiresAt: null,
      autoRenew: false,
      packs: [],
    });
    for (const app of [r1.json, r2.json]) {
      expect(typeof app.sdkAppId).toBe("number");
      expect(Number.isInteger(app.sdkAppId)).toBe(true);
      expect(app.sdkAppId).toBeGreaterThanOrEqual(1400000000);
      expect(String(app.sdkAppId)).toMatch(/^\d{10}$/);
      expect(new Date(app.createdAt).toISOString()).toBe(app.createdAt);
    }
    expect(r1.json.sdkAppId).not.toBe(r2.json.sdkAppId);

    const got = await call(getAppRoute, { key: c.apiKey, params: appPath(a.sdkAppId) });
    expect(got.status).toBe(200);
    expect(got.json).toEqual(a);
    const list = await call(listAppsRoute, { key: c.apiKey });
    expect(list.json.apps.map((x: { sdkAppId: number }) => x.sdkAppId).sort()).toEqual(
      [r1.json.sdkAppId, r2.json.sdkAppId].sort(),
    );

    const audit = await auditRows(c.accountId);
    expect(
      audit
        .filter((r) => r.action === "app.create")
        .map((r) => r.entityId)
        .sort(),
    ).toEqual([String(r1.json.sdkAppId), String(r2.json.sdkAppId)].sort());
  });

  it("R-APP-2: names of 64 characters (after trimming, by code point) are accepted", async () => {
    const c = await createCustomer(op);
    for (const name of ["x".repeat(64), `  ${"y".repeat(64)}  `, "应".repeat(64), "😀".repeat(64)]) {
      const r = await call(createAppRoute, { key: c.apiKey, body: { name } });
      expect(r.status, name).toBe(201);
      expect(r.json.name).toBe(name.trim());
    }
  });

  let shared: TestCustomer;
  beforeAll(async () => {
    shared = await createCustomer(op);
  });

  it.each([
    ["empty", { name: "" }],
    ["whitespace only", { name: "   \t " }],
    ["65 characters", { name: "x".repeat(65) }],
    ["65 characters after trimming", { name: ` ${"应".repeat(65)} ` }],
    ["a number", { name: 12345 }],
    ["null", { name: null }],
    ["an array", { name: ["a"] }],
    ["missing", {}],
  ])("R-APP-2: a bad name (%s) → 400 validation_failed naming `name`, nothing written", async (_label, payload) => {
    const c = shared;
    const appsBefore = await allApps(c.accountId);
    const auditBefore = (await auditRows(c.accountId)).length;
    const r = await call(createAppRoute, { key: c.apiKey, body: payload });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(typeof r.json.error.message).toBe("string");
    expect(r.json.error.details.fields.name).toEqual(expect.any(String));
    expect(await allApps(c.accountId)).toBe(appsBefore);
    expect((await auditRows(c.accountId)).length).toBe(auditBefore);
  });
});

describe("R-APP-4 stop, start, delete", () => {
  it(
    "R-APP-4: stop → start → delete refused while enabled → stop → delete (204, gone), with history and audit rows",
    async () => {
      const c = await createCustomer(op);
      const created = await call(createAppRoute, { key: c.apiKey, body: { name: "lifecycle" } });
      const id = created.json.sdkAppId as number;
      const p = appPath(id);

      const stopped = await call(stopRoute, { key: c.apiKey, params: p });
      expect(stopped.status).toBe(200);
      expect(stopped.json).toMatchObject({ sdkAppId: id, status: "stopped", statusReason: "by_customer" });

      const stopAgain = await call(stopRoute, { key: c.apiKey, params: p });
      expect(stopAgain.status).toBe(409);
      expect(stopAgain.json.error.code).toBe("invalid_state");

      const started = await call(startRoute, { key: c.apiKey, params: p });
      expect(started.status).toBe(200);
      expect(started.json).toMatchObject({ status: "enabled", statusReason: "by_customer", edition: "trial" });

      const startAgain = await call(startRoute, { key: c.apiKey, params: p });
      expect(startAgain.status).toBe(409);
      expect(startAgain.json.error.code).toBe("invalid_state");

      const delEnabled = await call(deleteAppRoute, { method: "DELETE", key: c.apiKey, params: p });
      expect(delEnabled.status).toBe(409);
      expect(delEnabled.json.error.code).toBe("invalid_state");
      expect((await call(getAppRoute, { key: c.apiKey, params: p })).json.status).toBe("enabled");

      expect((await call(stopRoute, { key: c.apiKey, params: p })).status).toBe(200);
      const del = await call(deleteAppRoute, { method: "DELETE", key: c.apiKey, params: p });
      expect(del.status).toBe(204);
      expect(del.json).toBeNull();

      const gone = await call(getAppRoute, { key: c.apiKey, params: p });
      expect(gone.status).toBe(404);
      expect(gone.json.error.code).toBe("not_found");
      const list = await call(listAppsRoute, { key: c.apiKey });
      expect(list.json.apps.map((a: { sdkAppId: number }) => a.sdkAppId)).not.toContain(id);
      for (const route of [stopRoute, startRoute]) {
        expect((await call(route, { key: c.apiKey, params: p })).status).toBe(404);
      }
      expect((await call(deleteAppRoute, { method: "DELETE", key: c.apiKey, params: p })).status).toBe(404);

      // The row stays (bills and orders keep their app), as status deleted, with its history.
      const history = await appHistory((await appRowId(c.accountId, id))!);
      expect(history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
        [null, "enabled", "created"],
        ["enabled", "stopped", "by_customer"],
        ["stopped", "enabled", "by_customer"],
        ["enabled", "stopped", "by_customer"],
        ["stopped", "deleted", "by_customer"],
      ]);
      for (const h of history) expect(h.actor).toMatch(/^key:/);

      const audit = (await auditRows(c.accountId)).filter((r) => r.entityType === "app" && r.entityId === String(id));
      expect(audit.map((r) => r.action)).toEqual(["app.create", "app.stop", "app.start", "app.stop", "app.delete"]);
      expect(audit[1]).toMatchObject({
        before: { status: "enabled" },
        after: { status: "stopped", statusReason: "by_customer" },
      });
      expect(audit[4]).toMatchObject({ before: { status: "stopped" }, after: { status: "deleted" } });
    },
    SLOW,
  );

  it("R-APP-4: auto-renew switch is written and audited; a bad body is a 400", async () => {
    const c = await createCustomer(op);
    const id = (await call(createAppRoute, { key: c.apiKey, body: { name: "ar" } })).json.sdkAppId as number;
    const on = await call(autoRenewRoute, {
      method: "PUT",
      key: c.apiKey,
      params: appPath(id),
      body: { enabled: true },
    });
    expect(on.status).toBe(200);
    expect(on.json.autoRenew).toBe(true);
    const bad = await call(autoRenewRoute, {
      method: "PUT",
      key: c.apiKey,
      params: appPath(id),
      body: { enabled: "yes" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields.enabled).toEqual(expect.any(String));
    expect((await getApp(c.accountId, id)).autoRenew).toBe(true);
    const audit = (await auditRows(c.accountId)).filter((r) => r.action === "app.auto_renew");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { autoRenew: false }, after: { autoRenew: true } });
  });

  it("R-APP-4: a path segment that is not an SDKAppID is a 404", async () => {
    const c = await createCustomer(op);
    for (const id of ["abc", "123", "99999999999", "1400000000.5"]) {
      const r = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: id } });
      expect(r.status, id).toBe(404);
      expect(r.json.error.code).toBe("not_found");
    }
  });
});

async function appRowId(accountId: string, sdkAppId: number): Promise<string | undefined> {
  const [r] = await db()
    .select({ id: apps.id })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.sdkAppId, sdkAppId)));
  return r?.id;
}

describe("R-LIFE-2 don't renew", () => {
  it(
    'R-LIFE-2: marking an app "don\'t renew" turns auto-renew off; ' +
      "turning auto-renew on withdraws the mark; both audited",
    async () => {
      const { placeOrder } = await import("@/lib/services/purchase");
      const { setDontRenew, setAutoRenew } = await import("@/lib/services/apps");
      const c = await createCustomer(op, { verified: true, cash: "5000.00" });
      const app = await createApp(c.actor, { name: "renew me" });
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, packs: [], autoRenew: true, agreeSla: true },
        `dr-${app.sdkAppId}`,
      );
      const marked = await setDontRenew(c.actor, app.sdkAppId, true);
      expect([marked.dontRenew, marked.autoRenew]).toEqual([true, false]);
      const on = await setAutoRenew(c.actor, app.sdkAppId, true);
      expect([on.dontRenew, on.autoRenew]).toEqual([false, true]);
      const actions = (await auditRows(c.accountId)).map((r) => r.action);
      expect(actions).toContain("app.dont_renew");
      const trial = await createApp(c.actor, { name: "trial" });
      await expect(setDontRenew(c.actor, trial.sdkAppId, true)).rejects.toMatchObject({ code: "invalid_state" });
    },
    SLOW,
  );
});
