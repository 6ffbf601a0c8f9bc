import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apps } from "@/db/schema";
import { GET as entitlementsRoute } from "@/app/api/v1/apps/[sdkAppId]/entitlements/route";
import { POST as checkRoute } from "@/app/api/v1/apps/[sdkAppId]/entitlements/check/route";
import { createApp } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { requestRefund } from "@/lib/services/refund";
import { call, createCustomer, createOperator, SLOW, type TestCustomer, type TestOperator } from "../helpers";

let op: TestOperator;
let c: TestCustomer;
let trial: number;
let pro: number;
beforeAll(async () => {
  op = await createOperator();
  c = await createCustomer(op, { verified: true, cash: "50000.00" });
  trial = (await createApp(c.actor, { name: "trial" })).sdkAppId;
  pro = (await createApp(c.actor, { name: "pro" })).sdkAppId;
  await placeOrder(
    c.actor,
    {
      type: "plan",
      sdkAppId: pro,
      edition: "pro",
      months: 3,
      packs: [{ pack: "group_members", tier: "2000" }],
      agreeSla: true,
    },
    `ent-${pro}`,
  );
}, SLOW);

const get = (id: number, key = c.apiKey) => call(entitlementsRoute, { key, params: { sdkAppId: String(id) } });
const ask = (id: number, body: unknown, key = c.apiKey) =>
  call(checkRoute, { key, params: { sdkAppId: String(id) }, body });

describe("R-PRICE-5 entitlements API", () => {
  it("R-PRICE-5: GET answers status, edition, limits (−1 unlimited) and features", async () => {
    const r = await get(pro);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      serviceAvailable: true,
      status: "enabled",
      edition: "pro",
      limits: { membersPerGroup: 2000, groups: -1, liveGroups: 50 },
      features: { multiDevice: false },
    });
    expect((await get(trial)).json).toMatchObject({ edition: "trial", limits: { users: 100, groups: 100 } });
  });

  it("R-PRICE-5: checks answer with the backend's codes", async () => {
    expect((await ask(trial, { action: "create_group", current: { groups: 100 } })).json).toMatchObject({
      allowed: false,
      errorCode: 10058,
      limit: 100,
    });
    expect((await ask(trial, { action: "register_user", current: { users: 100 } })).json).toMatchObject({
      allowed: false,
      errorCode: 70398,
    });
    expect((await ask(pro, { action: "add_group_member", current: { groupMembers: 1999 } })).json).toEqual({
      allowed: true,
    });
    expect((await ask(pro, { action: "use_feature", feature: "local_search" })).json).toMatchObject({
      allowed: false,
      errorCode: 10059,
    });
  });

  it(
    "R-REF-5 / R-PRICE-4: refunding a pack brings back the edition's limit for new members",
    async () => {
      const id = (await createApp(c.actor, { name: "pack refund" })).sdkAppId;
      await placeOrder(
        c.actor,
        {
          type: "plan",
          sdkAppId: id,
          edition: "pro",
          months: 1,
          packs: [{ pack: "group_members", tier: "2000" }],
          agreeSla: true,
        },
        `ent-${id}`,
      );
      expect((await ask(id, { action: "add_group_member", current: { groupMembers: 500 } })).json).toEqual({
        allowed: true,
      });
      await requestRefund(c.actor, { sdkAppId: id, product: "group_members", mode: "standard" });
      expect((await ask(id, { action: "add_group_member", current: { groupMembers: 500 } })).json).toMatchObject({
        allowed: false,
        errorCode: 10038,
        limit: 200,
      });
    },
    SLOW,
  );

  it(
    "R-PRICE-5: a suspended app is refused every action",
    async () => {
      const id = (await createApp(c.actor, { name: "suspended" })).sdkAppId;
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: id, edition: "ultimate", months: 1, agreeSla: true, packs: [] },
        `ent-${id}`,
      );
      await db().update(apps).set({ status: "suspended", statusReason: "expired" }).where(eq(apps.sdkAppId, id));
      expect((await get(id)).json).toMatchObject({ serviceAvailable: false, status: "suspended" });
      expect((await ask(id, { action: "login", current: { users: 0 } })).json).toMatchObject({ allowed: false });
    },
    SLOW,
  );

  it.each([
    ["an unknown action", { action: "teleport" }, "action"],
    ["use_feature without a feature", { action: "use_feature" }, "feature"],
    ["a negative count", { action: "create_group", current: { groups: -1 } }, "current.groups"],
    ["a count as a string", { action: "create_group", current: { groups: "5" } }, "current.groups"],
  ])("API: %s → 400 naming the field", async (_n, body, field) => {
    const r = await ask(pro, body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.error.details.fields)).toContain(field);
  });

  it(
    "R-APP-4: another account's app is not found",
    async () => {
      const other = await createCustomer(op);
      expect((await get(pro, other.apiKey)).status).toBe(404);
      expect((await ask(pro, { action: "login" }, other.apiKey)).status).toBe(404);
    },
    SLOW,
  );
});
