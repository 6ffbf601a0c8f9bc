/**
 * Issue 9: one number per order and refund; a plan change whose
 * refund needs review waits as a whole (R-BUY-3 + R-REF-6).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { GET as listOrdersRoute, POST as orderRoute } from "@/app/api/v1/orders/route";
import { GET as listRefundsRoute, POST as refundRoute } from "@/app/api/v1/refunds/route";
import { GET as adminRefundsRoute } from "@/app/api/v1/admin/refunds/route";
import { POST as approveRoute } from "@/app/api/v1/admin/refunds/[id]/approve/route";
import { POST as rejectRoute } from "@/app/api/v1/admin/refunds/[id]/reject/route";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { GET as getAppRoute } from "@/app/api/v1/apps/[sdkAppId]/route";
import { createApp } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { ledgerSums } from "@/lib/services/ledger";
import {
  call,
  createCustomer,
  createOperator,
  ledgerRows,
  SLOW,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

let seq = 0;
const key = () => `money-test-${Date.now()}-${++seq}-${Math.random().toString(36).slice(2)}`;
const NUMBER = /^O-\d{8}-\d{6,}$/;

async function customer(cash = "100000.00") {
  const c = await createCustomer(op, { verified: true, cash });
  const first = await createApp(c.actor, { name: "first" });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: first.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
    key(),
  );
  return c;
}
async function buy(c: TestCustomer, edition: "pro" | "ultimate", months: number) {
  const app = await createApp(c.actor, { name: `app ${++seq}` });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: app.sdkAppId, edition, months, packs: [], agreeSla: true },
    key(),
  );
  return app.sdkAppId;
}
const order = (c: TestCustomer, body: unknown) =>
  call(orderRoute, { key: c.apiKey, body, headers: { "Idempotency-Key": key() } });
const change = (c: TestCustomer, sdkAppId: number, edition: "pro" | "ultimate", months: number) =>
  order(c, { type: "change", sdkAppId, edition, months, agreeSla: true });
const balance = async (c: TestCustomer) => (await call(accountRoute, { key: c.apiKey })).json.balance;
const app = async (c: TestCustomer, sdkAppId: number) =>
  (await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } })).json;
const approve = (id: string) => call(approveRoute, { key: op.key, params: { id }, body: {} });
const reject = (id: string, reason: string) => call(rejectRoute, { key: op.key, params: { id }, body: { reason } });
const snapshot = async (c: TestCustomer, sdkAppId: number) => ({
  balance: await balance(c),
  ledger: (await ledgerRows(c.accountId)).length,
  app: await app(c, sdkAppId),
});

describe("issue 9: order and refund numbers", () => {
  it(
    "every order gets O-YYYYMMDD-NNNNNN once: unique under 12 " +
      "concurrent orders, the same on POST, GET and in the database",
    async () => {
      const c = await customer("200000.00");
      const ids = await Promise.all(
        Array.from({ length: 12 }, (_, i) => createApp(c.actor, { name: `n${i}` }).then((a) => a.sdkAppId)),
      );
      const made = await Promise.all(
        ids.map((sdkAppId) => order(c, { type: "plan", sdkAppId, edition: "pro", months: 1, agreeSla: true })),
      );
      expect(made.map((r) => r.status)).toEqual(ids.map(() => 201));
      const numbers = made.map((r) => r.json.orderNo as string);
      expect(numbers.every((n) => NUMBER.test(n))).toBe(true);
      expect(new Set(numbers).size).toBe(12);
      const listed = (await call(listOrdersRoute, { key: c.apiKey })).json.orders as { id: string; orderNo: string }[];
      for (const r of made) expect(listed.find((o) => o.id === r.json.id)?.orderNo).toBe(r.json.orderNo);
      const rows = await db().select().from(orders).where(eq(orders.accountId, c.accountId));
      for (const row of rows)
        expect(row.number).toBe(`O-${row.number!.slice(2, 10)}-${String(row.orderNo).padStart(6, "0")}`);
    },
    SLOW * 2,
  );

  it(
    "a refund answers refundNo R-YYYYMMDD-NNNNNN, listed the same",
    async () => {
      const c = await customer();
      const sdkAppId = await buy(c, "pro", 2);
      const r = await call(refundRoute, { key: c.apiKey, body: { sdkAppId, product: "plan", mode: "standard" } });
      expect(r.status).toBe(201);
      expect(r.json.refundNo).toMatch(/^R-\d{8}-\d{6,}$/);
      expect((await call(listRefundsRoute, { key: c.apiKey })).json.refunds[0].refundNo).toBe(r.json.refundNo);
    },
    SLOW,
  );
});

describe("R-BUY-3 + R-REF-6: a plan change whose refund needs review waits as a whole", () => {
  it(
    "R-BUY-3: threshold by amount (refund ≥ 10,000): 202 pending_review, nothing refunded, " +
      "charged or changed; approval runs both halves at the requested amounts",
    async () => {
      const c = await customer();
      const sdkAppId = await buy(c, "ultimate", 12);
      const before = await snapshot(c, sdkAppId);
      const o = await change(c, sdkAppId, "pro", 1);
      expect(o.status).toBe(202);
      expect(o.json).toMatchObject({
        type: "change",
        status: "pending_review",
        total: "999.00",
        paid: { cash: "0.00", gift: "0.00" },
        refund: { status: "pending_review", reviewReason: "amount" },
      });
      expect(o.json.orderNo).toMatch(NUMBER);
      expect(o.json.refund.refundNo).toMatch(/^R-/);
      expect(Number(o.json.refund.total)).toBeGreaterThanOrEqual(10000);
      expect(await snapshot(c, sdkAppId)).toEqual(before);
      expect(await db().select().from(orderLines).where(eq(orderLines.orderId, o.json.id))).toHaveLength(0);
      // the operator's queue shows it as a plan change
      const queue = (
        await call(adminRefundsRoute, { key: op.key, path: "/api/v1/admin/refunds?status=pending_review" })
      ).json.refunds as { id: string; changeOrderId?: string; changeOrderNo?: string }[];
      expect(queue.find((r) => r.id === o.json.refund.id)).toMatchObject({
        changeOrderId: o.json.id,
        changeOrderNo: o.json.orderNo,
      });
      // another order for the app waits for the decision
      const renew = await order(c, { type: "renewal", sdkAppIds: [sdkAppId], months: 1, agreeSla: true });
      expect([renew.status, renew.json.error?.details?.reason]).toEqual([409, "change_pending_review"]);

      const a = await approve(o.json.refund.id);
      expect(a.status).toBe(200);
      expect(a.json).toMatchObject({ status: "executed", total: o.json.refund.total, changeOrderId: o.json.id });
      const after = await snapshot(c, sdkAppId);
      expect(after.app).toMatchObject({ edition: "pro", status: "enabled" });
      // net = 999.00 − refund: the balance moves by exactly that
      expect(Number(after.balance.available) - Number(before.balance.available)).toBeCloseTo(
        Number(o.json.refund.total) - 999,
        2,
      );
      const paid = (await call(listOrdersRoute, { key: c.apiKey })).json.orders.find(
        (x: { id: string }) => x.id === o.json.id,
      );
      expect(paid).toMatchObject({
        status: "paid",
        orderNo: o.json.orderNo,
        total: "999.00",
        refund: { status: "executed", refundNo: o.json.refund.refundNo },
      });
      expect(paid.lines[0].periodEnd).toBe(after.app.expiresAt);
      const sums = await ledgerSums(db(), c.accountId);
      expect(sums.cash.plus(sums.gift).toFixed(2)).toBe(after.balance.available);

      // double approval: the second is a conflict and changes nothing
      const again = await approve(o.json.refund.id);
      expect([again.status, again.json.error.code]).toEqual([409, "invalid_state"]);
      expect(await snapshot(c, sdkAppId)).toEqual(after);
    },
    SLOW * 2,
  );

  it(
    "R-BUY-3: threshold by the account's third refund within 30 days (a change's refund counts)",
    async () => {
      const c = await customer();
      for (const m of [1, 2]) {
        const s = await buy(c, "pro", m);
        expect(
          (await call(refundRoute, { key: c.apiKey, body: { sdkAppId: s, product: "plan", mode: "standard" } })).json
            .status,
        ).toBe("executed");
      }
      const sdkAppId = await buy(c, "pro", 1);
      const o = await change(c, sdkAppId, "ultimate", 1);
      expect(o.status).toBe(202);
      expect(o.json.refund).toMatchObject({ status: "pending_review", reviewReason: "frequency" });
    },
    SLOW * 2,
  );

  it(
    "R-BUY-3: a rejection releases everything: order rejected, the " +
      "old plan refundable again, balance and app untouched",
    async () => {
      const c = await customer();
      const sdkAppId = await buy(c, "ultimate", 12);
      const before = await snapshot(c, sdkAppId);
      const o = await change(c, sdkAppId, "pro", 3);
      expect(o.status).toBe(202);
      const r = await reject(o.json.refund.id, "Call us first");
      expect(r.json).toMatchObject({ status: "rejected", rejectReason: "Call us first" });
      expect(await snapshot(c, sdkAppId)).toEqual(before);
      const listed = (await call(listOrdersRoute, { key: c.apiKey })).json.orders.find(
        (x: { id: string }) => x.id === o.json.id,
      );
      expect(listed).toMatchObject({
        status: "rejected",
        refund: { status: "rejected", rejectReason: "Call us first" },
      });
      // the lines are free again: the same change can be asked for once more
      expect((await change(c, sdkAppId, "pro", 3)).status).toBe(202);
    },
    SLOW * 2,
  );

  it(
    "R-BUY-3: the balance changed meanwhile: approval is refused with the " +
      "shortfall and nothing changes; the change keeps waiting",
    async () => {
      const c = await customer("30000.00");
      const sdkAppId = await buy(c, "pro", 12); // 11,988.00 paid, all refundable now
      const o = await change(c, sdkAppId, "ultimate", 12); // 26,991.00 (ultimate annual): net 15,003.00
      expect(o.status).toBe(202);
      expect(o.json.net).toBe("15003.00");
      await buy(c, "pro", 3); // −2,997.00: 14,915.10 left, short of the net by 87.90
      const before = await snapshot(c, sdkAppId);
      const a = await approve(o.json.refund.id);
      expect([a.status, a.json.error.code, a.json.error.details.shortfall]).toEqual([
        422,
        "insufficient_balance",
        "87.90",
      ]);
      expect(await snapshot(c, sdkAppId)).toEqual(before);
      const queue = (
        await call(adminRefundsRoute, { key: op.key, path: "/api/v1/admin/refunds?status=pending_review" })
      ).json.refunds as { id: string }[];
      expect(queue.some((r) => r.id === o.json.refund.id)).toBe(true);
      // a top-up, and the approval goes through
      const { topUp } = await import("@/lib/services/accounts");
      await topUp(op.actor, c.accountId, { cash: "100.00", note: "top-up" });
      expect((await approve(o.json.refund.id)).status).toBe(200);
      expect(await app(c, sdkAppId)).toMatchObject({ edition: "ultimate" });
    },
    SLOW * 2,
  );

  it(
    "R-BUY-3: two operators approving at once: one runs, the other is a conflict; money moves once",
    async () => {
      const c = await customer();
      const sdkAppId = await buy(c, "ultimate", 12);
      const o = await change(c, sdkAppId, "pro", 1);
      const before = await ledgerRows(c.accountId);
      const rs = await Promise.all([approve(o.json.refund.id), approve(o.json.refund.id)]);
      expect(rs.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await ledgerRows(c.accountId)).length - before.length).toBe(2); // one refund row, one purchase row
    },
    SLOW * 2,
  );
});

describe("issue 9: CSV exports with a date range", () => {
  it(
    "orders, ledger and refunds export the account's rows in the " +
      "Shanghai range, RFC 4180 quoted, money as 2-decimal strings",
    async () => {
      const { ordersCsv, ledgerCsv, refundsCsv, receiptCsv } = await import("@/lib/services/exports");
      const { shanghaiDay, addDays } = await import("@/lib/billing/calendar");
      const { now } = await import("@/lib/clock");
      const { orderJson } = await import("@/lib/wire");
      const c = await customer();
      const app = await createApp(c.actor, { name: 'Shop, "north"' });
      const { order: placed } = await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 2, packs: [], agreeSla: true },
        key(),
      );
      await call(refundRoute, { key: c.apiKey, body: { sdkAppId: app.sdkAppId, product: "plan", mode: "standard" } });
      const today = shanghaiDay(await now());
      const o = await ordersCsv(c.accountId, { from: today, to: today });
      const lines = o.trimEnd().split("\r\n");
      expect(lines[0]!.startsWith("order_no,created_at,type,status,auto_renewal")).toBe(true);
      expect(lines).toHaveLength(3); // header + the first order + this one
      expect(o).toContain('"Shop, ""north"""');
      expect(o).toContain(`${orderJson(placed).orderNo},`);
      expect(o).toMatch(/,1998\.00,/);
      expect((await ordersCsv(c.accountId, { from: addDays(today, 1) })).trimEnd().split("\r\n")).toHaveLength(1);
      expect((await ordersCsv(c.accountId, { to: addDays(today, -1) })).trimEnd().split("\r\n")).toHaveLength(1);
      expect((await ordersCsv(c.accountId, { q: orderJson(placed).orderNo })).trimEnd().split("\r\n")).toHaveLength(2);
      const l = await ledgerCsv(c.accountId, { from: today, to: today });
      expect(
        l
          .trimEnd()
          .split("\r\n")
          .slice(1)
          .map((r) => r.split(",")[1]),
      ).toEqual(["refund", "purchase", "purchase", "topup"]);
      const r = await refundsCsv(c.accountId, {});
      expect(r).toMatch(/R-\d{8}-\d{6},/);
      expect(receiptCsv(orderJson(placed))).toContain(orderJson(placed).orderNo);
    },
    SLOW,
  );

  it("a bad range is a 400 validation_failed naming the field", async () => {
    const { exportRangeSchema } = await import("@/lib/validation/exports");
    const { parseInput } = await import("@/lib/validation/common");
    const fields = (input: unknown) => {
      try {
        parseInput(exportRangeSchema, input);
        return null;
      } catch (e) {
        return (e as { code: string; details: { fields: Record<string, string> } }).details.fields;
      }
    };
    expect(fields({ from: "2026-02-30" })).toHaveProperty("from");
    expect(fields({ from: "2026-12-02", to: "2026-12-01" })).toHaveProperty("to");
    expect(fields({ q: "'; drop table" })).toHaveProperty("q");
    expect(fields({ from: "2026-12-01", to: "2026-12-31", q: "O-2026" })).toBeNull();
  });
});

describe("issue 9: GET /api/v1/orders keeps {orders: [...]} and finds by number", () => {
  it(
    "?q= finds by a full or partial order number; the number is the " +
      "console's (orders.number); a bad q is 400 naming the field",
    async () => {
      const c = await customer();
      const second = await buy(c, "pro", 1);
      const all = (await call(listOrdersRoute, { key: c.apiKey })).json;
      expect(Object.keys(all)).toEqual(["orders"]);
      expect(all.orders).toHaveLength(2);
      const target = all.orders.find((o: { lines: { sdkAppId: number }[] }) =>
        o.lines.some((l) => l.sdkAppId === second),
      );
      const [row] = await db().select().from(orders).where(eq(orders.id, target.id));
      expect(target.orderNo).toBe(row!.number);
      const found = (
        await call(listOrdersRoute, {
          key: c.apiKey,
          path: `/api/v1/orders?q=${encodeURIComponent(target.orderNo.toLowerCase())}`,
        })
      ).json.orders;
      expect(found.map((o: { id: string }) => o.id)).toEqual([target.id]);
      const partial = (
        await call(listOrdersRoute, { key: c.apiKey, path: `/api/v1/orders?q=${target.orderNo.slice(-6)}` })
      ).json.orders;
      expect(partial.map((o: { id: string }) => o.id)).toContain(target.id);
      const bad = await call(listOrdersRoute, {
        key: c.apiKey,
        path: `/api/v1/orders?q=${encodeURIComponent("%' or 1=1")}`,
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe("validation_failed");
      expect(Object.keys(bad.json.error.details.fields)).toContain("q");
    },
    SLOW,
  );
});
