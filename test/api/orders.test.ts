import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { orders, vouchers } from "@/db/schema";
import { POST as quoteRoute } from "@/app/api/v1/quotes/route";
import { GET as listOrdersRoute, POST as orderRoute } from "@/app/api/v1/orders/route";
import { POST as voucherRoute } from "@/app/api/v1/admin/vouchers/route";
import { GET as getAppRoute } from "@/app/api/v1/apps/[sdkAppId]/route";
import { GET as listAppsGet } from "@/app/api/v1/apps/route";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { createApp } from "@/lib/services/apps";
import { topUp } from "@/lib/services/accounts";
import { placeOrder } from "@/lib/services/purchase";
import { ledgerSums } from "@/lib/services/ledger";
import { termEnd } from "@/lib/billing/calendar";
import { money, toMoneyString } from "@/lib/money";
import {
  call,
  createCustomer,
  createOperator,
  ledgerRows,
  MONEY_STRING,
  SLOW,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

let keySeq = 0;
const newKey = () => `test-key-${Date.now()}-${++keySeq}-${Math.random().toString(36).slice(2)}`;

async function order(c: TestCustomer, body: unknown, key: string | null = newKey()) {
  return call(orderRoute, { key: c.apiKey, body, headers: key === null ? {} : { "Idempotency-Key": key } });
}

async function paidCustomer(cash = "100000.00") {
  const c = await createCustomer(op, { verified: true, cash });
  // An earlier order, so that the first-purchase campaign does not change list prices below.
  const first = await createApp(c.actor, { name: "first" });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: first.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
    newKey(),
  );
  return c;
}

async function orderCount(accountId: string) {
  const [r] = await db().select({ n: count() }).from(orders).where(eq(orders.accountId, accountId));
  return r!.n;
}

async function balanceOf(c: TestCustomer) {
  return (await call(accountRoute, { key: c.apiKey })).json.balance as {
    cash: string;
    gift: string;
    available: string;
  };
}

describe("POST /orders type plan", () => {
  it(
    "R-BUY-2: trial → pro × 3 with a pack: 201, lines, ledger, app edition, expiry and pack",
    async () => {
      const c = await paidCustomer();
      const app = await createApp(c.actor, { name: "chat" });
      const before = await balanceOf(c);
      const r = await order(c, {
        type: "plan",
        sdkAppId: app.sdkAppId,
        edition: "pro",
        months: 3,
        packs: [{ pack: "group_members", tier: "2000" }],
        autoRenew: true,
        agreeSla: true,
      });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({
        type: "plan",
        listTotal: "4497.00",
        discountTotal: "0.00",
        voucherAmount: "0.00",
        total: "4497.00",
        paid: { cash: "4497.00", gift: "0.00", voucher: "0.00" },
      });
      expect(r.json.lines.map((l: { product: string; amount: string }) => [l.product, l.amount])).toEqual([
        ["plan", "2997.00"],
        ["group_members", "1500.00"],
      ]);
      const start = new Date(r.json.lines[0].periodStart);
      expect(r.json.lines[0].periodEnd).toBe(termEnd(start, 3).toISOString());

      const a = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(app.sdkAppId) } });
      expect(a.json).toMatchObject({
        edition: "pro",
        status: "enabled",
        autoRenew: true,
        expiresAt: termEnd(start, 3).toISOString(),
        packs: [{ pack: "group_members", tier: "2000" }],
      });
      const after = await balanceOf(c);
      expect(Number(before.cash) - Number(after.cash)).toBeCloseTo(4497, 2);
      const sums = await ledgerSums(db(), c.accountId);
      expect([sums.cash.toFixed(2), sums.gift.toFixed(2)]).toEqual([after.cash, after.gift]);
    },
    SLOW,
  );

  it(
    "R-PROMO-1: the owner's first paid order: pro × 1 = 99.90, campaign named on the line",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "1000.00" });
      const app = await createApp(c.actor, { name: "first" });
      const q = await call(quoteRoute, {
        key: c.apiKey,
        body: { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, agreeSla: true },
      });
      expect(q.status).toBe(200);
      expect(q.json).toMatchObject({
        total: "99.90",
        lines: [{ listAmount: "999.00", discountAmount: "899.10", amount: "99.90", campaign: "first_purchase" }],
      });
      expect(await orderCount(c.accountId)).toBe(0); // a quote writes nothing
      const r = await order(c, { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, agreeSla: true });
      expect(r.json).toMatchObject({ total: "99.90", lines: [{ campaign: "first_purchase", refundable: false }] });
      const second = await createApp(c.actor, { name: "second" });
      const again = await call(quoteRoute, {
        key: c.apiKey,
        body: { type: "plan", sdkAppId: second.sdkAppId, edition: "pro", months: 1, agreeSla: true },
      });
      expect(again.json.total).toBe("999.00");
    },
    SLOW,
  );

  it(
    "R-BUY-7: gift pays first, then cash",
    async () => {
      const c = await paidCustomer("5000.00");
      await topUp(op.actor, c.accountId, { gift: "300.00", note: "gift" });
      const app = await createApp(c.actor, { name: "split" });
      const r = await order(c, { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, agreeSla: true });
      expect(r.json.paid).toEqual({ cash: "699.00", gift: "300.00", voucher: "0.00" });
      expect(await balanceOf(c)).toMatchObject({ gift: "0.00" });
    },
    SLOW,
  );
});

describe("rejections write nothing", () => {
  let c: TestCustomer;
  let trialId: number;
  let paidId: number;
  beforeAll(async () => {
    c = await paidCustomer("3000.00");
    trialId = (await createApp(c.actor, { name: "trial" })).sdkAppId;
    paidId = (await createApp(c.actor, { name: "paid" })).sdkAppId;
    await placeOrder(
      c.actor,
      {
        type: "plan",
        sdkAppId: paidId,
        edition: "pro",
        months: 1,
        packs: [{ pack: "security_advanced", tier: null }],
        agreeSla: true,
      },
      newKey(),
    );
  }, SLOW);

  const plan = (extra: Record<string, unknown>) => ({
    type: "plan",
    sdkAppId: trialId,
    edition: "pro",
    months: 1,
    agreeSla: true,
    ...extra,
  });

  it.each([
    ["R-BUY-5: months 0", () => plan({ months: 0 }), 400, "validation_failed", "months"],
    ["R-BUY-5: months 25", () => plan({ months: 25 }), 400, "validation_failed", "months"],
    ["R-BUY-5: months 1.5", () => plan({ months: 1.5 }), 400, "validation_failed", "months"],
    ['R-BUY-5: months "x"', () => plan({ months: "x" }), 400, "validation_failed", "months"],
    ["R-BUY-6: no SLA agreement", () => plan({ agreeSla: false }), 400, "validation_failed", "agreeSla"],
    [
      "R-PRICE-2: an unknown pack",
      () => plan({ packs: [{ pack: "teleport" }] }),
      400,
      "validation_failed",
      "packs.0.pack",
    ],
    [
      "R-PRICE-2: an unknown tier",
      () => plan({ packs: [{ pack: "group_members", tier: "9999" }] }),
      400,
      "validation_failed",
      "packs.0.tier",
    ],
    ["API: an unknown order type", () => ({ type: "gift", sdkAppId: trialId }), 400, "validation_failed", "type"],
    [
      "R-BUY-2: a trial app buys a pack alone",
      () => ({ type: "pack", sdkAppId: trialId, pack: "security_advanced", agreeSla: true }),
      422,
      "not_eligible",
      null,
    ],
    [
      "R-BUY-3: a second active pack of one type",
      () => ({ type: "pack", sdkAppId: paidId, pack: "security_advanced", agreeSla: true }),
      422,
      "not_eligible",
      null,
    ],
    ["R-BUY-4: a plan for an app with a valid term", () => plan({ sdkAppId: paidId }), 422, "not_eligible", null],
    [
      "R-BUY-7: more than the balance",
      () => plan({ edition: "ultimate", months: 24 }),
      422,
      "insufficient_balance",
      null,
    ],
    ["R-BUY-1: an app of no one / another account", () => plan({ sdkAppId: 9999999999 }), 404, "not_found", null],
    [
      "R-LIFE-1: a batch renewal with a trial app",
      () => ({ type: "renewal", sdkAppIds: [paidId, trialId], months: 1, agreeSla: true }),
      422,
      "not_eligible",
      null,
    ],
  ])(
    "%s → %i %s",
    async (_n, body, status, code, field) => {
      const before = {
        orders: await orderCount(c.accountId),
        ledger: (await ledgerRows(c.accountId)).length,
        balance: await balanceOf(c),
      };
      for (const route of [quoteRoute, orderRoute]) {
        const r = await call(route, { key: c.apiKey, body: body(), headers: { "Idempotency-Key": newKey() } });
        if (route === quoteRoute && code === "insufficient_balance") {
          expect(r.status).toBe(200); // a quote says what is short instead of refusing
          expect(r.json.shortfall).toMatch(MONEY_STRING);
          continue;
        }
        expect(r.status).toBe(status);
        expect(r.json.error.code).toBe(code);
        if (field) expect(Object.keys(r.json.error.details.fields)).toContain(field);
      }
      expect({
        orders: await orderCount(c.accountId),
        ledger: (await ledgerRows(c.accountId)).length,
        balance: await balanceOf(c),
      }).toEqual(before);
    },
    SLOW,
  );

  it("R-BUY-7: insufficient balance states the shortfall", async () => {
    const r = await order(c, plan({ edition: "ultimate", months: 24 }));
    const available = (await balanceOf(c)).available;
    // 24 months of ultimate at the annual campaign's 7.5折: 2999.00 × 24 × 0.75
    expect(r.json.error.details).toMatchObject({ total: "53982.00", available });
    expect(Number(r.json.error.details.shortfall)).toBeCloseTo(53982 - Number(available), 2);
  });

  it(
    "R-ACC-2: an unverified account cannot buy",
    async () => {
      const u = await createCustomer(op, { cash: "5000.00" });
      const app = await createApp(u.actor, { name: "x" });
      const r = await order(u, { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, agreeSla: true });
      expect([r.status, r.json.error.code]).toEqual([422, "not_verified"]);
      expect(await orderCount(u.accountId)).toBe(0);
    },
    SLOW,
  );

  it("R-BUY-8: an order without Idempotency-Key is a 400 naming the header", async () => {
    const r = await order(c, plan({}), null);
    expect(r.status).toBe(400);
    expect(r.json.error.details.fields).toHaveProperty("Idempotency-Key");
  });
});

describe("R-BUY-8 idempotency", () => {
  it(
    "R-BUY-8: the same key returns the first order and charges once; another body with it is 409",
    async () => {
      const c = await paidCustomer();
      const app = await createApp(c.actor, { name: "idem" });
      const key = newKey();
      const body = { type: "plan", sdkAppId: app.sdkAppId, edition: "ultimate", months: 1, agreeSla: true };
      const a = await order(c, body, key);
      const b = await order(
        c,
        { agreeSla: true, months: 1, edition: "ultimate", sdkAppId: String(app.sdkAppId), type: "plan" },
        key,
      );
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.json.id).toBe(a.json.id);
      expect(b.headers.get("idempotent-replayed")).toBe("true");
      const conflict = await order(c, { ...body, months: 2 }, key);
      expect([conflict.status, conflict.json.error.code]).toEqual([409, "idempotency_conflict"]);
      expect(await orderCount(c.accountId)).toBe(2);
    },
    SLOW,
  );

  it(
    "R-BUY-8: 20 concurrent requests with one key make one order and one charge",
    async () => {
      const c = await paidCustomer();
      const app = await createApp(c.actor, { name: "burst" });
      const before = (await ledgerRows(c.accountId)).length;
      const key = newKey();
      const body = { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 2, agreeSla: true };
      const rs = await Promise.all(Array.from({ length: 20 }, () => order(c, body, key)));
      expect(rs.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(rs.map((r) => r.json.id)).size).toBe(1);
      expect((await ledgerRows(c.accountId)).length).toBe(before + 1);
      expect(await orderCount(c.accountId)).toBe(2);
    },
    SLOW,
  );

  it(
    "R-BUY-7: concurrent purchases never overdraw: 10 orders of 999.00 on 3000.00 → exactly 3",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "3000.00" });
      const apps = await Promise.all(Array.from({ length: 10 }, (_, i) => createApp(c.actor, { name: `race ${i}` })));
      const rs = await Promise.all(
        apps.map((a) => order(c, { type: "plan", sdkAppId: a.sdkAppId, edition: "pro", months: 1, agreeSla: true })),
      );
      const okCount = rs.filter((r) => r.status === 201).length;
      const failed = rs.filter((r) => r.status !== 201);
      expect(failed.every((r) => r.status === 422 && r.json.error.code === "insufficient_balance")).toBe(true);
      const paid = rs.filter((r) => r.status === 201).map((r) => Number(r.json.total));
      // one of them was the first purchase (99.90), the rest 999.00:
      // 99.90 + 2 × 999.00 = 2097.90, a third would be 3096.90
      expect(okCount).toBe(3);
      expect(paid.sort((x, y) => x - y)).toEqual([99.9, 999, 999]);
      const bal = await balanceOf(c);
      expect(bal.cash).toBe("902.10");
      const sums = await ledgerSums(db(), c.accountId);
      expect(sums.cash.toFixed(2)).toBe("902.10");
    },
    SLOW,
  );
});

describe("packs alone and renewals", () => {
  it(
    "R-BUY-5: a pack bought alone ends with the plan's term",
    async () => {
      const c = await paidCustomer();
      const app = await createApp(c.actor, { name: "packs" });
      const p = await order(c, {
        type: "plan",
        sdkAppId: app.sdkAppId,
        edition: "ultimate",
        months: 2,
        agreeSla: true,
      });
      const r = await order(c, {
        type: "pack",
        sdkAppId: app.sdkAppId,
        pack: "groups_per_user",
        tier: "3000",
        agreeSla: true,
      });
      expect(r.status).toBe(201);
      expect(r.json.lines[0]).toMatchObject({
        product: "groups_per_user",
        tier: "3000",
        periodEnd: p.json.lines[0].periodEnd,
      });
      // bought the same second as the plan: exactly the plan's two months
      expect(r.json.lines[0].months).toBe(2);
      expect(r.json.total).toBe("1800.00");
    },
    SLOW,
  );

  it(
    "R-LIFE-1 / R-LIFE-2: a batch renewal is one order, each term continues from its old expiry with its packs",
    async () => {
      const c = await paidCustomer();
      const a = await createApp(c.actor, { name: "a" });
      const b = await createApp(c.actor, { name: "b" });
      const pa = await order(c, {
        type: "plan",
        sdkAppId: a.sdkAppId,
        edition: "pro",
        months: 1,
        packs: [{ pack: "security_advanced" }],
        agreeSla: true,
      });
      const pb = await order(c, { type: "plan", sdkAppId: b.sdkAppId, edition: "ultimate", months: 3, agreeSla: true });
      const r = await order(c, { type: "renewal", sdkAppIds: [a.sdkAppId, b.sdkAppId], months: 12, agreeSla: true });
      expect(r.status).toBe(201);
      expect(
        r.json.lines.map((l: { sdkAppId: number; product: string; amount: string }) => [
          l.sdkAppId,
          l.product,
          l.amount,
        ]),
      ).toEqual([
        [a.sdkAppId, "plan", "11988.00"],
        [a.sdkAppId, "security_advanced", "12000.00"],
        [b.sdkAppId, "plan", "26991.00"],
      ]);
      expect(r.json.lines[0].periodStart).toBe(pa.json.lines[0].periodEnd);
      expect(r.json.lines[2].periodStart).toBe(pb.json.lines[0].periodEnd);
      const appB = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(b.sdkAppId) } });
      expect(appB.json.expiresAt).toBe(termEnd(new Date(pb.json.lines[0].periodEnd), 12).toISOString());
      const appA = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(a.sdkAppId) } });
      expect(appA.json.packs).toEqual([
        expect.objectContaining({ pack: "security_advanced", endsAt: appA.json.expiresAt }),
      ]);
      const list = await call(listOrdersRoute, { key: c.apiKey });
      expect(list.json.orders[0].id).toBe(r.json.id);
    },
    SLOW,
  );
});

describe("R-PROMO-3 vouchers", () => {
  it(
    "R-PROMO-3: an operator issues a voucher; it pays once; the rest is forfeited",
    async () => {
      const c = await paidCustomer();
      const v = await call(voucherRoute, {
        key: op.key,
        body: { accountId: c.accountId, amount: "1500.00", minTotal: "500.00", expiresAt: "2099-01-01T00:00:00+08:00" },
      });
      expect(v.status).toBe(201);
      expect(v.json).toMatchObject({ amount: "1500.00", minTotal: "500.00", state: "available" });
      const app = await createApp(c.actor, { name: "v" });
      const r = await order(c, {
        type: "plan",
        sdkAppId: app.sdkAppId,
        edition: "pro",
        months: 1,
        voucherId: v.json.id,
        agreeSla: true,
      });
      expect(r.json).toMatchObject({
        voucherAmount: "999.00",
        total: "0.00",
        paid: { cash: "0.00", gift: "0.00", voucher: "999.00" },
      });
      const [row] = await db().select().from(vouchers).where(eq(vouchers.id, v.json.id));
      expect(row).toMatchObject({ usedOrderId: r.json.id, usedAmount: "999.00" });
      const app2 = await createApp(c.actor, { name: "v2" });
      const again = await order(c, {
        type: "plan",
        sdkAppId: app2.sdkAppId,
        edition: "pro",
        months: 1,
        voucherId: v.json.id,
        agreeSla: true,
      });
      expect([again.status, again.json.error.code]).toEqual([422, "not_eligible"]);
    },
    SLOW,
  );

  it(
    "R-PROMO-3: bad voucher input is a 400 naming the fields; another account's voucher is not found",
    async () => {
      const bad = await call(voucherRoute, {
        key: op.key,
        body: { accountId: "nope", amount: "1.234", expiresAt: "tomorrow" },
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.json.error.details.fields).sort()).toEqual(["accountId", "amount", "expiresAt"]);
      const a = await paidCustomer();
      const b = await paidCustomer();
      const v = await call(voucherRoute, {
        key: op.key,
        body: { accountId: a.accountId, amount: "10.00", expiresAt: "2099-01-01T00:00:00Z" },
      });
      const app = await createApp(b.actor, { name: "b" });
      const r = await order(b, {
        type: "plan",
        sdkAppId: app.sdkAppId,
        edition: "pro",
        months: 1,
        voucherId: v.json.id,
        agreeSla: true,
      });
      expect(r.status).toBe(404);
      const customerTries = await call(voucherRoute, {
        key: a.apiKey,
        body: { accountId: a.accountId, amount: "10.00", expiresAt: "2099-01-01T00:00:00Z" },
      });
      expect(customerTries.status).toBe(403);
    },
    SLOW,
  );
});

describe("R-LIFE-2 common expiry day", () => {
  it(
    "R-LIFE-2: two apps move to the same expiry day in one order; the part-month is monthly ÷ 30 × days",
    async () => {
      const c = await paidCustomer();
      const a = await createApp(c.actor, { name: "align a" });
      const b = await createApp(c.actor, { name: "align b" });
      await order(c, { type: "plan", sdkAppId: a.sdkAppId, edition: "pro", months: 1, agreeSla: true });
      await order(c, { type: "plan", sdkAppId: b.sdkAppId, edition: "ultimate", months: 2, agreeSla: true });
      const before = (await call(listAppsGet, { key: c.apiKey })).json.apps as {
        sdkAppId: number;
        expiresAt: string;
      }[];
      // a target day that neither app already expires on (the test clock's date decides their days)
      const expiryDayOf = (e: string) => new Date(Date.parse(e) + 8 * 3600_000 - 1000).getUTCDate();
      const day = [1, 15].find((d) => before.every((x) => expiryDayOf(x.expiresAt) !== d))!;
      const r = await order(c, { type: "align", sdkAppIds: [a.sdkAppId, b.sdkAppId], day, agreeSla: true });
      expect(r.status).toBe(201);
      const after = (await call(listAppsGet, { key: c.apiKey })).json.apps as { sdkAppId: number; expiresAt: string }[];
      for (const id of [a.sdkAppId, b.sdkAppId]) {
        const newEnd = new Date(after.find((x) => x.sdkAppId === id)!.expiresAt);
        const oldEnd = new Date(before.find((x) => x.sdkAppId === id)!.expiresAt);
        // the expiry day (the day before E) is the chosen day: E is 00:00 Shanghai of the day after
        expect(new Date(newEnd.getTime() + 8 * 3600_000).getUTCDate()).toBe(day + 1);
        const days = Math.ceil((newEnd.getTime() - oldEnd.getTime()) / 86_400_000);
        const line = r.json.lines.find((l: { sdkAppId: number }) => l.sdkAppId === id);
        const monthly = money(id === a.sdkAppId ? "999.00" : "2999.00");
        expect(line.amount).toBe(toMoneyString(monthly.div(30).times(days)));
        expect(line.periodStart).toBe(oldEnd.toISOString());
      }
      const again = await order(c, { type: "align", sdkAppIds: [a.sdkAppId, b.sdkAppId], day, agreeSla: true });
      expect([again.status, again.json.error.details.reason]).toEqual([422, "already_aligned"]);
      const bad = await order(c, { type: "align", sdkAppIds: [a.sdkAppId], day: 32, agreeSla: true });
      expect([bad.status, Object.keys(bad.json.error.details.fields)]).toEqual([400, ["day"]]);
    },
    SLOW,
  );
});
