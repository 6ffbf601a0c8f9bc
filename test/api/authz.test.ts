import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { GET as listAppsRoute, POST as createAppRoute } from "@/app/api/v1/apps/route";
import { DELETE as deleteAppRoute, GET as getAppRoute } from "@/app/api/v1/apps/[sdkAppId]/route";
import { POST as stopRoute } from "@/app/api/v1/apps/[sdkAppId]/stop/route";
import { POST as startRoute } from "@/app/api/v1/apps/[sdkAppId]/start/route";
import { PUT as autoRenewRoute } from "@/app/api/v1/apps/[sdkAppId]/auto-renew/route";
import { GET as adminAccountsList, POST as adminCreateAccount } from "@/app/api/v1/admin/accounts/route";
import { POST as adminVerify } from "@/app/api/v1/admin/accounts/[id]/verify/route";
import { POST as adminTopUp } from "@/app/api/v1/admin/accounts/[id]/topups/route";
import { GET as clockGet, POST as clockPost } from "@/app/api/v1/admin/clock/route";
import type { Actor, CustomerActor } from "@/lib/auth/actor";
import { PERMISSIONS, assertCan, can, type Permission } from "@/lib/auth/permissions";
import { hashApiKey } from "@/lib/auth/secrets";
import { createAccountApiKey, revokeAccountApiKey } from "@/lib/services/api-keys";
import { getApp } from "@/lib/services/apps";
import { DomainError } from "@/lib/errors";
import { call, createCustomer, createOperator, ledgerRows, SLOW, uniqueEmail, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", undefined],
    ["an empty bearer", "Bearer "],
    ["a garbage key", "Bearer not-a-real-key"],
    ["a well-formed but unknown key", "Bearer imk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
  ])("401 unauthorized with %s", async (_label, authorization) => {
    for (const handler of [accountRoute, listAppsRoute, clockGet]) {
      const r = await call(handler, authorization === undefined ? { key: null } : { authorization });
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe("unauthorized");
      expect(r.json.error.message).toEqual(expect.any(String));
    }
  });

  it(
    "R-ACC-1: a revoked account key is refused with 401; the account's other keys keep working",
    async () => {
      const c = await createCustomer(op);
      const second = await createAccountApiKey(c.actor, "script");
      expect((await call(accountRoute, { key: second.key })).status).toBe(200);

      await revokeAccountApiKey(c.actor, second.id);
      const r = await call(accountRoute, { key: second.key });
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe("unauthorized");
      expect((await call(accountRoute, { key: c.apiKey })).status).toBe(200);

      // The first (default) key too, found by its stored hash (keys are stored hashed only).
      const [row] = await db()
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.keyHash, hashApiKey(c.apiKey)));
      expect(row!.keyHash).not.toContain(c.apiKey);
      await revokeAccountApiKey(c.actor, row!.id);
      expect((await call(accountRoute, { key: c.apiKey })).status).toBe(401);
      expect((await call(createAppRoute, { key: c.apiKey, body: { name: "x" } })).status).toBe(401);
    },
    SLOW,
  );

  it(
    "R-ACC-1: an account cannot revoke another account's key",
    async () => {
      const a = await createCustomer(op);
      const b = await createCustomer(op);
      const bKey = await createAccountApiKey(b.actor, "b's");
      await expect(revokeAccountApiKey(a.actor, bKey.id)).rejects.toMatchObject({ code: "not_found" });
      expect((await call(accountRoute, { key: bKey.key })).status).toBe(200);
    },
    SLOW,
  );
});

describe("tenant isolation", () => {
  it(
    "R-APP-4: account A's key cannot read or change account B's app (404 not_found, B's app unchanged)",
    async () => {
      const a = await createCustomer(op);
      const b = await createCustomer(op);
      const bApp = (await call(createAppRoute, { key: b.apiKey, body: { name: "B's app" } })).json;
      const bStopped = (await call(createAppRoute, { key: b.apiKey, body: { name: "B's stopped app" } })).json;
      expect((await call(stopRoute, { key: b.apiKey, params: { sdkAppId: String(bStopped.sdkAppId) } })).status).toBe(
        200,
      );

      for (const app of [bApp, bStopped]) {
        const params = { sdkAppId: String(app.sdkAppId) };
        const tries = [
          await call(getAppRoute, { key: a.apiKey, params }),
          await call(stopRoute, { key: a.apiKey, params }),
          await call(startRoute, { key: a.apiKey, params }),
          await call(deleteAppRoute, { method: "DELETE", key: a.apiKey, params }),
          await call(autoRenewRoute, { method: "PUT", key: a.apiKey, params, body: { enabled: true } }),
        ];
        for (const r of tries) {
          expect(r.status).toBe(404);
          expect(r.json.error.code).toBe("not_found");
        }
      }
      const list = await call(listAppsRoute, { key: a.apiKey });
      expect(list.json.apps).toEqual([]);

      const afterApp = await getApp(b.accountId, bApp.sdkAppId);
      expect(afterApp).toMatchObject({ status: "enabled", autoRenew: false, name: "B's app" });
      const afterStopped = await getApp(b.accountId, bStopped.sdkAppId);
      expect(afterStopped).toMatchObject({ status: "stopped", autoRenew: false });
    },
    SLOW,
  );

  it(
    "R-ACC-3: a customer key on /admin/* → 403 forbidden, nothing written",
    async () => {
      const c = await createCustomer(op);
      const other = await createCustomer(op);
      const p = { id: other.accountId };
      const tries = [
        await call(adminAccountsList, { key: c.apiKey }),
        await call(adminCreateAccount, {
          key: c.apiKey,
          body: { name: "x", ownerEmail: uniqueEmail(), ownerPassword: "password123" },
        }),
        await call(adminVerify, { key: c.apiKey, params: p, method: "POST" }),
        await call(adminTopUp, {
          key: c.apiKey,
          params: { id: c.accountId },
          body: { cash: "1000.00", note: "self top-up" },
        }),
        await call(clockGet, { key: c.apiKey }),
        await call(clockPost, { key: c.apiKey, body: { advanceSeconds: 60 } }),
      ];
      for (const r of tries) {
        expect(r.status).toBe(403);
        expect(r.json.error.code).toBe("forbidden");
      }
      expect(await ledgerRows(c.accountId)).toHaveLength(0);
      expect((await call(accountRoute, { key: other.apiKey })).json.verified).toBe(false);
    },
    SLOW,
  );

  it("R-ACC-3: an operator key on customer endpoints → 403 (operators never act as a customer)", async () => {
    for (const r of [
      await call(accountRoute, { key: op.key }),
      await call(listAppsRoute, { key: op.key }),
      await call(createAppRoute, { key: op.key, body: { name: "op app" } }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe("forbidden");
    }
  });
});

describe("R-ACC-1 permission table", () => {
  const owner: CustomerActor = { kind: "customer", accountId: "00000000-0000-0000-0000-000000000001", role: "owner" };
  const member: CustomerActor = { ...owner, role: "member" };
  const operator: Actor = { kind: "operator", userId: "00000000-0000-0000-0000-000000000002" };
  const system: Actor = { kind: "system" };

  const expected: Record<Permission, { owner: boolean; member: boolean; operator: boolean }> = {
    "account:read": { owner: true, member: true, operator: false },
    "apps:read": { owner: true, member: true, operator: false },
    "apps:write": { owner: true, member: true, operator: false },
    "members:manage": { owner: true, member: false, operator: false },
    "apiKeys:manage": { owner: true, member: false, operator: false },
    "alerts:manage": { owner: true, member: false, operator: false },
    "notifications:read": { owner: true, member: true, operator: false },
    "orders:read": { owner: true, member: true, operator: false },
    "orders:write": { owner: true, member: true, operator: false },
    "refunds:read": { owner: true, member: true, operator: false },
    "refunds:write": { owner: true, member: true, operator: false },
    "bills:read": { owner: true, member: true, operator: false },
    "features:write": { owner: true, member: false, operator: false },
    "usage:write": { owner: true, member: false, operator: false },
    "admin:accounts": { owner: false, member: false, operator: true },
    "admin:audit": { owner: false, member: false, operator: true },
    "admin:clock": { owner: false, member: false, operator: true },
    "admin:vouchers": { owner: false, member: false, operator: true },
    "admin:campaigns": { owner: false, member: false, operator: true },
    "admin:refunds": { owner: false, member: false, operator: true },
    "admin:jobs": { owner: false, member: false, operator: true },
    "admin:features": { owner: false, member: false, operator: true },
  };

  it("R-ACC-1: the table covers every permission", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("R-ACC-1: %s", (permission, who) => {
    const p = permission as Permission;
    expect(can(owner, p)).toBe(who.owner);
    expect(can(member, p)).toBe(who.member);
    expect(can(operator, p)).toBe(who.operator);
    expect(can(system, p)).toBe(false);
  });

  it("R-ACC-1: a member cannot manage API keys, members or alert recipients (assertCan → forbidden)", () => {
    for (const p of ["apiKeys:manage", "members:manage", "alerts:manage"] as const) {
      let thrown: unknown;
      try {
        assertCan(member, p);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: "forbidden", status: 403 });
      expect(() => assertCan(owner, p)).not.toThrow();
    }
    expect(() => assertCan(member, "apps:write")).not.toThrow();
  });
});
