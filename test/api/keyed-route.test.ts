/**
 * Issue 11 round 4: POST /quotes and POST /apps/{id}/entitlements/check read the bearer key in the same
 * statement as their data (lib/auth/api.ts keyedApiRoute). They must answer exactly as apiRoute does:
 * the same actor, the same 401/403/400/404 and in the same order, and never another account's data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/v1/apps/[sdkAppId]/entitlements/check/route";
import { POST as quoteRoute } from "@/app/api/v1/quotes/route";
import { hashApiKey } from "@/lib/auth/secrets";
import { createApp } from "@/lib/services/apps";
import { actorForApiKey, createAccountApiKey, revokeAccountApiKey } from "@/lib/services/api-keys";
import { appEntitlementsForKey } from "@/lib/services/apps";
import { readQuoteForKey } from "@/lib/services/purchase";
import { call, createCustomer, createOperator, SLOW, type TestCustomer, type TestOperator } from "../helpers";

let op: TestOperator;
let a: TestCustomer;
let b: TestCustomer;
let appA: number;
let appB: number;

beforeAll(async () => {
  op = await createOperator();
  a = await createCustomer(op, { verified: true, cash: "1000.00" });
  b = await createCustomer(op, { verified: true, cash: "1000.00" });
  appA = (await createApp(a.actor, { name: "keyed a" })).sdkAppId;
  appB = (await createApp(b.actor, { name: "keyed b" })).sdkAppId;
}, SLOW);

const plan = (sdkAppId: number) => ({ type: "plan", sdkAppId, edition: "pro", months: 1, agreeSla: true });
const checkBody = { action: "create_group", current: { groups: 1, newGroupsToday: 0 } };
const quote = (key: string, body: unknown = plan(appA)) => call(quoteRoute, { key, body });
const check = (key: string, sdkAppId: number | string, body: unknown = checkBody) =>
  call(checkRoute, { key, params: { sdkAppId: String(sdkAppId) }, body });
const code = (r: { json: unknown }) => (r.json as { error?: { code: string } }).error?.code;

describe("routes that read the key with their data (issue 11)", () => {
  it("the key's actor is the one the key lookup gives: account, owner rights, owner user (a quote: none)", async () => {
    const expected = await actorForApiKey(a.apiKey);
    expect(expected).toMatchObject({ kind: "customer", accountId: a.accountId, role: "owner", userId: a.ownerId });
    expect((await appEntitlementsForKey(hashApiKey(a.apiKey), appA)).actor).toEqual(expected);
    // A quote writes nothing, so its statement does not look up the owner user (audits name who did a write).
    expect((await readQuoteForKey(hashApiKey(a.apiKey), plan(appA) as never)).actor).toEqual({
      ...expected,
      userId: undefined,
    });
    expect((await appEntitlementsForKey(hashApiKey(b.apiKey), appB)).actor).toEqual(await actorForApiKey(b.apiKey));
    expect((await appEntitlementsForKey(hashApiKey("imb_nope"), appA)).actor).toBeNull();
  });

  it("another account's app is a 404 on both routes, never its data", async () => {
    expect((await appEntitlementsForKey(hashApiKey(a.apiKey), appB)).data).toBeNull();
    const r = await check(a.apiKey, appB);
    expect([r.status, code(r)]).toEqual([404, "not_found"]);
    const q = await quote(a.apiKey, plan(appB));
    expect([q.status, code(q)]).toEqual([404, "not_found"]);
    expect((await check(a.apiKey, appA)).status).toBe(200);
    expect((await quote(a.apiKey)).status).toBe(200);
  });

  it("a missing, malformed, unknown or revoked key is a 401, before a bad body's 400", async () => {
    const extra = await createAccountApiKey(a.actor, "keyed-route");
    expect((await check(extra.key, appA)).status).toBe(200);
    await revokeAccountApiKey(a.actor, extra.id);
    for (const key of [extra.key, "imb_unknown_key"]) {
      expect(code(await check(key, appA))).toBe("unauthorized");
      expect(code(await quote(key))).toBe("unauthorized");
      expect(code(await check(key, "not-a-number", { action: 1 }))).toBe("unauthorized");
      expect(code(await quote(key, { type: "nonsense" }))).toBe("unauthorized");
    }
    const none = await call(quoteRoute, { body: plan(appA) });
    expect([none.status, code(none)]).toEqual([401, "unauthorized"]);
    const malformed = await call(checkRoute, { authorization: "Basic abc", params: { sdkAppId: String(appA) } });
    expect([malformed.status, code(malformed)]).toEqual([401, "unauthorized"]);
  });

  it("a good key with a bad body is API.md's 400 naming the field", async () => {
    const r = await quote(a.apiKey, { ...plan(appA), months: 0 });
    expect([r.status, code(r)]).toEqual([400, "validation_failed"]);
    expect(r.json).toHaveProperty("error.details.fields.months");
    const c = await check(a.apiKey, appA, { action: "fly" });
    expect([c.status, code(c)]).toEqual([400, "validation_failed"]);
    expect(c.json).toHaveProperty("error.details.fields.action");
  });

  it("an operator key is refused (403), as on every customer route", async () => {
    const r = await check(op.key, appA);
    expect([r.status, code(r)]).toEqual([403, "forbidden"]);
    const q = await quote(op.key);
    expect([q.status, code(q)]).toEqual([403, "forbidden"]);
  });
});
