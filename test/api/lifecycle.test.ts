import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apps, appStatusEvents, orders } from "@/db/schema";
import { POST as clockPost } from "@/app/api/v1/admin/clock/route";
import { GET as getAppRoute } from "@/app/api/v1/apps/[sdkAppId]/route";
import { termEnd } from "@/lib/billing/calendar";
import { reclaimAt } from "@/lib/billing/lifecycle";
import { now } from "@/lib/clock";
import { money } from "@/lib/money";
import { topUp } from "@/lib/services/accounts";
import { countApps, createApp } from "@/lib/services/apps";
import { ledgerSums } from "@/lib/services/ledger";
import { runLifecycle } from "@/lib/services/lifecycle";
import { placeOrder } from "@/lib/services/purchase";
import { requestRefund } from "@/lib/services/refund";
import { call, createCustomer, createOperator, SLOW, type TestCustomer, type TestOperator } from "../helpers";

const DAY = 86_400_000;
let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

let seq = 0;
const key = () => `life-${Date.now()}-${++seq}`;

/**
 * A verified account (its first purchase already made) with `cash` left
 * and one pro app bought for `months` (999.00 / month).
 */
async function paidApp(cash: string, opts: { autoRenew?: boolean; months?: number; pack?: boolean } = {}) {
  // The first order (12 months, so it stays out of the way) is paid on top of `cash`.
  const c = await createCustomer(op, { verified: true, cash: money(cash).plus("11988.00").toFixed(2) });
  const first = await createApp(c.actor, { name: "first" });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: first.sdkAppId, edition: "pro", months: 12, packs: [], agreeSla: true },
    key(),
  );
  const app = await createApp(c.actor, { name: "life" });
  const { order } = await placeOrder(
    c.actor,
    {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition: "pro",
      months: opts.months ?? 1,
      packs: opts.pack ? [{ pack: "security_advanced", tier: null }] : [],
      autoRenew: opts.autoRenew ?? false,
      agreeSla: true,
    },
    key(),
  );
  return { c, sdkAppId: app.sdkAppId, E: order.lines[0]!.periodEnd };
}

const run = (c: TestCustomer, to: Date) => runLifecycle(to, { accountIds: [c.accountId] });
const appRow = async (sdkAppId: number) => (await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId)))[0]!;
async function history(sdkAppId: number) {
  const a = await appRow(sdkAppId);
  const rows = await db()
    .select()
    .from(appStatusEvents)
    .where(eq(appStatusEvents.appId, a.id))
    .orderBy(asc(appStatusEvents.id));
  return rows.map((r) => [r.toStatus, r.reason, r.at.toISOString()]);
}

describe("§7 expiry without auto-renew", () => {
  it(
    "§7 / R-LIFE-5: E → grace, E + 7 d → suspended, day 90 → reclaimed (out of the cap), each at its own instant",
    async () => {
      const { c, sdkAppId, E } = await paidApp("5000.00");
      expect(await run(c, new Date(E.getTime() - 1000))).toBe(0);
      await run(c, E);
      expect(await appRow(sdkAppId)).toMatchObject({ status: "grace", statusReason: "expired" });
      await run(c, new Date(E.getTime() + 7 * DAY));
      expect(await appRow(sdkAppId)).toMatchObject({ status: "suspended", statusReason: "expired" });
      const before = (await countApps(c.accountId)).counted;
      const reclaim = reclaimAt(new Date(E.getTime() + 7 * DAY));
      await run(c, new Date(reclaim.getTime() - 1000));
      expect((await appRow(sdkAppId)).status).toBe("suspended");
      await run(c, reclaim);
      expect((await appRow(sdkAppId)).status).toBe("reclaimed");
      expect((await countApps(c.accountId)).counted).toBe(before - 1);
      expect((await history(sdkAppId)).slice(-3)).toEqual([
        ["grace", "expired", E.toISOString()],
        ["suspended", "expired", new Date(E.getTime() + 7 * DAY).toISOString()],
        ["reclaimed", "expired", reclaim.toISOString()],
      ]);
    },
    SLOW,
  );

  it(
    "R-LIFE-7: one run over 100 days gives the same history as running on time, and a repeat does nothing",
    async () => {
      const a = await paidApp("5000.00");
      const b = await paidApp("5000.00");
      for (const d of [0, 3, 7, 30, 60, 95, 100]) await run(a.c, new Date(a.E.getTime() + d * DAY));
      await run(b.c, new Date(b.E.getTime() + 100 * DAY));
      const shift = (h: string[][], E: Date) => h.map(([s, r, at]) => [s, r, String(Date.parse(at!) - E.getTime())]);
      expect(shift(await history(b.sdkAppId), b.E)).toEqual(shift(await history(a.sdkAppId), a.E));
      expect(await run(b.c, new Date(b.E.getTime() + 100 * DAY))).toBe(0);
    },
    SLOW,
  );
});

describe("R-BUY-9 auto-renew", () => {
  it(
    "R-BUY-9: at E an app with auto-renew and enough balance renews 1 month (plan and packs) from E, paid at E",
    async () => {
      const { c, sdkAppId, E } = await paidApp("10000.00", { autoRenew: true, pack: true });
      const before = await ledgerSums(db(), c.accountId);
      await run(c, E);
      const a = await appRow(sdkAppId);
      expect(a).toMatchObject({ status: "enabled", expiresAt: termEnd(E, 1) });
      const after = await ledgerSums(db(), c.accountId);
      expect(before.cash.minus(after.cash).toFixed(2)).toBe("1999.00");
      const [o] = await db()
        .select()
        .from(orders)
        .where(eq(orders.accountId, c.accountId))
        .orderBy(asc(orders.orderNo))
        .offset(2);
      expect(o).toMatchObject({ type: "renewal", actor: "system:auto_renew", total: "1999.00", createdAt: E });
    },
    SLOW,
  );

  it(
    "R-BUY-9: renews as long as the balance lasts, then grace, daily retries, and a top-up renews from the old E",
    async () => {
      // 999.00 (1 month) + 2 × 999.00 of auto-renewals, then nothing left for the third
      const { c, sdkAppId, E } = await paidApp("3100.00", { autoRenew: true });
      const E3 = termEnd(E, 2);
      await run(c, new Date(E3.getTime() + 2.5 * DAY));
      let a = await appRow(sdkAppId);
      expect(a).toMatchObject({ status: "grace", statusReason: "expired", expiresAt: E3 });
      // E3 is a midnight: retries at E3 + 1 d, + 2 d
      expect(a.renewAttemptAt).toEqual(new Date(E3.getTime() + 2 * DAY));
      await topUp(op.actor, c.accountId, { cash: "999.00", note: "top-up in grace" });
      await run(c, new Date(E3.getTime() + 7 * DAY));
      a = await appRow(sdkAppId);
      expect(a).toMatchObject({ status: "enabled", statusReason: "renewed", expiresAt: termEnd(E3, 1) });
      const [renewals] = await db()
        .select({ n: count() })
        .from(orders)
        .where(and(eq(orders.accountId, c.accountId), eq(orders.type, "renewal")));
      expect(renewals!.n).toBe(3);
    },
    SLOW,
  );

  it(
    "R-LIFE-7: two workers running at once renew once",
    async () => {
      const { c, E } = await paidApp("10000.00", { autoRenew: true });
      const ran = await Promise.all([run(c, E), run(c, E)]);
      expect(ran.sort()).toEqual([0, 1]);
      const [renewals] = await db()
        .select({ n: count() })
        .from(orders)
        .where(and(eq(orders.accountId, c.accountId), eq(orders.type, "renewal")));
      expect(renewals!.n).toBe(1);
    },
    SLOW,
  );
});

describe("R-REF-4 disabling after a plan refund", () => {
  it(
    "R-REF-4: a refunded app is suspended (refunded) 7 days later unless renewed",
    async () => {
      const { c, sdkAppId } = await paidApp("5000.00", { months: 3 });
      await requestRefund(c.actor, { sdkAppId, product: "plan", mode: "standard" });
      const a = await appRow(sdkAppId);
      expect(a.status).toBe("disabling");
      await run(c, new Date(a.disablingUntil!.getTime() - 1000));
      expect((await appRow(sdkAppId)).status).toBe("disabling");
      await run(c, a.disablingUntil!);
      expect(await appRow(sdkAppId)).toMatchObject({ status: "suspended", statusReason: "refunded" });
    },
    SLOW,
  );
});

describe("R-TIME-3 through the API", () => {
  it(
    "R-TIME-3: moving the test clock runs what fell due, in the same request",
    async () => {
      const { c, sdkAppId } = await paidApp("5000.00");
      // An app whose term ends 30 minutes from now (set directly: terms are whole months).
      const soon = new Date((await now()).getTime() + 30 * 60_000);
      await db().update(apps).set({ expiresAt: soon }).where(eq(apps.sdkAppId, sdkAppId));
      const r = await call(clockPost, { key: op.key, body: { advanceSeconds: 3600 } });
      expect(r.status).toBe(200);
      const a = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } });
      expect(a.json).toMatchObject({ status: "grace", statusReason: "expired" });
    },
    SLOW,
  );
});

describe("R-LIFE-7 the production scheduler pass", () => {
  it("R-LIFE-7: while one process holds the pass, another stands aside; then it runs", async () => {
    const { runScheduledOnce } = await import("@/lib/services/tick");
    const { sql } = await import("drizzle-orm");
    await runScheduledOnce();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db().transaction(async (tx) => {
      await tx.execute(sql`select 1 from scheduler_state where id = ${"main"} for update`);
      locked();
      await held;
    });
    await isLocked;
    expect(await runScheduledOnce()).toBeNull();
    release();
    await holder;
    expect(await runScheduledOnce()).not.toBeNull();
  });
});
