import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, appPacks, apps } from "@/db/schema";
import { POST as previewRoute } from "@/app/api/v1/refunds/preview/route";
import { GET as listRefundsRoute, POST as refundRoute } from "@/app/api/v1/refunds/route";
import { GET as adminListRoute } from "@/app/api/v1/admin/refunds/route";
import { POST as approveRoute } from "@/app/api/v1/admin/refunds/[id]/approve/route";
import { POST as rejectRoute } from "@/app/api/v1/admin/refunds/[id]/reject/route";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { GET as getAppRoute } from "@/app/api/v1/apps/[sdkAppId]/route";
import { createApp } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { ledgerSums } from "@/lib/services/ledger";
import { money } from "@/lib/money";
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
const key = () => `refund-test-${Date.now()}-${++seq}-${Math.random().toString(36).slice(2)}`;

/** A verified account whose first order is already made (so list prices apply below). */
async function customer(cash = "100000.00", gift?: string) {
  const c = await createCustomer(op, { verified: true, cash, gift });
  const first = await createApp(c.actor, { name: "first" });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: first.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
    key(),
  );
  return c;
}

async function buy(
  c: TestCustomer,
  edition: "pro" | "ultimate",
  months: number,
  packs: { pack: "security_advanced" | "group_members"; tier: string | null }[] = [],
) {
  const app = await createApp(c.actor, { name: `app ${++seq}` });
  const { order } = await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: app.sdkAppId, edition, months, packs, agreeSla: true },
    key(),
  );
  return { sdkAppId: app.sdkAppId, order };
}

const balance = async (c: TestCustomer) => (await call(accountRoute, { key: c.apiKey })).json;
const refund = (c: TestCustomer, body: unknown) => call(refundRoute, { key: c.apiKey, body });
const preview = (c: TestCustomer, body: unknown) => call(previewRoute, { key: c.apiKey, body });

describe("R-REF-1 five-day refund", () => {
  it(
    "R-REF-1 / R-REF-4: a plan bought today comes back in full with its pack; the app goes to disabling for 7 days",
    async () => {
      const c = await customer("50000.00");
      const before = await balance(c);
      const { sdkAppId } = await buy(c, "pro", 3, [{ pack: "security_advanced", tier: null }]);
      const p = await preview(c, { sdkAppId, product: "plan", mode: "five_day" });
      expect(p.status).toBe(200);
      expect(p.json).toMatchObject({
        mode: "five_day",
        eligible: true,
        total: "5997.00",
        cash: "5997.00",
        gift: "0.00",
      });
      expect(p.json.lines.map((l: { product: string; amount: string }) => [l.product, l.amount])).toEqual([
        ["plan", "2997.00"],
        ["security_advanced", "3000.00"],
      ]);

      const r = await refund(c, { sdkAppId, product: "plan", mode: "five_day" });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ status: "executed", total: "5997.00", lines: p.json.lines });
      expect(await balance(c)).toMatchObject({ balance: before.balance, fiveDayRefundUsed: true });
      const app = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } });
      expect(app.json).toMatchObject({ status: "disabling", statusReason: "refunded", packs: [] });
      const [row] = await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId));
      expect(row!.disablingUntil!.getTime() - row!.expiresAt!.getTime()).toBe(7 * 86_400_000);
      const sums = await ledgerSums(db(), c.accountId);
      expect(sums.cash.toFixed(2)).toBe(before.balance.cash);

      const again = await buy(c, "pro", 1);
      const second = await refund(c, { sdkAppId: again.sdkAppId, product: "plan", mode: "five_day" });
      expect([second.status, second.json.error.code, second.json.error.details.reason]).toEqual([
        422,
        "not_eligible",
        "five_day_used",
      ]);
    },
    SLOW,
  );

  it(
    "R-REF-1: 20 concurrent five-day requests across the account's apps → exactly one executes",
    async () => {
      const c = await customer();
      const bought: { sdkAppId: number }[] = [];
      for (let i = 0; i < 5; i++) bought.push(await buy(c, "pro", 1));
      const ledgerBefore = (await ledgerRows(c.accountId)).length;
      const rs = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          refund(c, { sdkAppId: bought[i % 5]!.sdkAppId, product: "plan", mode: "five_day" }),
        ),
      );
      expect(rs.filter((r) => r.status === 201)).toHaveLength(1);
      expect(
        rs.filter((r) => r.status !== 201).every((r) => r.status === 422 && r.json.error.code === "not_eligible"),
      ).toBe(true);
      expect((await ledgerRows(c.accountId)).length).toBe(ledgerBefore + 1);
      const [acc] = await db().select().from(accounts).where(eq(accounts.id, c.accountId));
      expect(acc!.fiveDayRefundAt).not.toBeNull();
    },
    SLOW,
  );

  it(
    "R-REF-1 / R-PROMO-1: a first-purchase campaign order is not refundable by self-service",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "1000.00" });
      const app = await createApp(c.actor, { name: "campaign" });
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
        key(),
      );
      const p = await preview(c, { sdkAppId: app.sdkAppId, product: "plan", mode: "five_day" });
      expect(p.json).toMatchObject({ eligible: false, reason: "campaign_not_refundable", total: "0.00" });
      const r = await refund(c, { sdkAppId: app.sdkAppId, product: "plan", mode: "five_day" });
      expect([r.status, r.json.error.details.reason]).toEqual([422, "campaign_not_refundable"]);
    },
    SLOW,
  );
});

describe("R-REF-2..5 standard refund", () => {
  it(
    "R-REF-5: a pack refund ends the pack now and leaves the plan",
    async () => {
      const c = await customer();
      const { sdkAppId } = await buy(c, "ultimate", 2, [{ pack: "group_members", tier: "6000" }]);
      const r = await refund(c, { sdkAppId, product: "group_members", mode: "standard" });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({
        status: "executed",
        total: "1000.00",
        lines: [{ product: "group_members", used: "0.00", amount: "1000.00" }],
      });
      const app = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } });
      expect(app.json).toMatchObject({ status: "enabled", edition: "ultimate", packs: [] });
      const [pack] = await db()
        .select()
        .from(appPacks)
        .innerJoin(apps, eq(apps.id, appPacks.appId))
        .where(eq(apps.sdkAppId, sdkAppId));
      expect(pack!.app_packs.endedAt).not.toBeNull();
    },
    SLOW,
  );

  it(
    "R-REF-3: cash and gift come back in the proportion each order paid them",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "10000.00" });
      await buy(c, "pro", 1); // the first purchase (campaign, not refundable)
      const { topUp } = await import("@/lib/services/accounts");
      await topUp(op.actor, c.accountId, { gift: "997.00", note: "gift" });
      const { sdkAppId, order } = await buy(c, "pro", 2);
      expect(order.paidGift).toBe("997.00");
      const r = await refund(c, { sdkAppId, product: "plan", mode: "standard" });
      expect(r.json).toMatchObject({ total: "1998.00", gift: "997.00", cash: "1001.00" });
    },
    SLOW,
  );

  it(
    "R-REF-6: ≥ 10,000 waits for review; the operator approves at the requested amount",
    async () => {
      const c = await customer();
      const { sdkAppId } = await buy(c, "ultimate", 12);
      const before = await balance(c);
      const r = await refund(c, { sdkAppId, product: "plan", mode: "standard" });
      expect(r.json).toMatchObject({ status: "pending_review", total: "26991.00", reviewReason: "amount" });
      expect(await balance(c)).toEqual(before);
      expect((await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } })).json.status).toBe(
        "enabled",
      );
      const queue = await call(adminListRoute, { key: op.key, path: "/api/v1/admin/refunds?status=pending_review" });
      expect(queue.json.refunds.find((x: { id: string }) => x.id === r.json.id)).toMatchObject({
        accountId: c.accountId,
        sdkAppId,
        product: "plan",
        mode: "standard",
        status: "pending_review",
        total: "26991.00",
      });
      const dup = await refund(c, { sdkAppId, product: "plan", mode: "standard" });
      expect([dup.status, dup.json.error.code]).toEqual([409, "invalid_state"]);

      const ok = await call(approveRoute, { key: op.key, params: { id: r.json.id }, method: "POST" });
      expect(ok.json).toMatchObject({ status: "executed", total: "26991.00" });
      expect(Number((await balance(c)).balance.cash) - Number(before.balance.cash)).toBeCloseTo(26991, 2);
      expect((await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } })).json.status).toBe(
        "disabling",
      );
      const twice = await call(approveRoute, { key: op.key, params: { id: r.json.id }, method: "POST" });
      expect([twice.status, twice.json.error.code]).toEqual([409, "invalid_state"]);
    },
    SLOW,
  );

  it(
    "R-REF-6: the third refund within 30 days waits; a rejection states its reason and releases the order",
    async () => {
      const c = await customer();
      const a = await buy(c, "pro", 1);
      const b = await buy(c, "pro", 1);
      const d = await buy(c, "pro", 1);
      expect((await refund(c, { sdkAppId: a.sdkAppId, product: "plan", mode: "standard" })).json.status).toBe(
        "executed",
      );
      expect((await refund(c, { sdkAppId: b.sdkAppId, product: "plan", mode: "standard" })).json.status).toBe(
        "executed",
      );
      const third = await refund(c, { sdkAppId: d.sdkAppId, product: "plan", mode: "standard" });
      expect(third.json).toMatchObject({ status: "pending_review", reviewReason: "frequency" });
      const noReason = await call(rejectRoute, { key: op.key, params: { id: third.json.id }, body: {} });
      expect(noReason.status).toBe(400);
      const rej = await call(rejectRoute, {
        key: op.key,
        params: { id: third.json.id },
        body: { reason: "Please contact your account manager." },
      });
      expect(rej.json).toMatchObject({ status: "rejected", rejectReason: "Please contact your account manager." });
      const mine = await call(listRefundsRoute, { key: c.apiKey });
      expect(mine.json.refunds.find((x: { id: string }) => x.id === third.json.id)).toMatchObject({
        status: "rejected",
        rejectReason: "Please contact your account manager.",
      });
      const p = await preview(c, { sdkAppId: d.sdkAppId, product: "plan", mode: "standard" });
      expect(p.json).toMatchObject({ eligible: true, total: "999.00" });
    },
    SLOW,
  );
});

describe("refund rejections write nothing", () => {
  let c: TestCustomer;
  let other: TestCustomer;
  let paid: number;
  let trial: number;
  beforeAll(async () => {
    c = await customer();
    other = await customer();
    paid = (await buy(c, "pro", 1)).sdkAppId;
    trial = (await createApp(c.actor, { name: "trial" })).sdkAppId;
  }, SLOW);

  it.each([
    [
      "R-REF-2: another account's app",
      () => ({ key: other.apiKey, body: { sdkAppId: paid, product: "plan", mode: "standard" } }),
      404,
      "not_found",
    ],
    [
      "R-REF-2: an unknown product",
      () => ({ key: c.apiKey, body: { sdkAppId: paid, product: "teleport", mode: "standard" } }),
      400,
      "validation_failed",
    ],
    [
      "R-REF-2: an unknown mode",
      () => ({ key: c.apiKey, body: { sdkAppId: paid, product: "plan", mode: "instant" } }),
      400,
      "validation_failed",
    ],
    [
      "R-REF-2: a trial app",
      () => ({ key: c.apiKey, body: { sdkAppId: trial, product: "plan", mode: "standard" } }),
      422,
      "not_eligible",
    ],
    [
      "R-REF-2: a pack the app does not have",
      () => ({ key: c.apiKey, body: { sdkAppId: paid, product: "security_advanced", mode: "standard" } }),
      422,
      "not_eligible",
    ],
  ])("%s → %i", async (_n, req, status, code) => {
    const before = (await ledgerRows(c.accountId)).length;
    const r = await call(refundRoute, req());
    expect([r.status, r.json.error.code]).toEqual([status, code]);
    expect((await ledgerRows(c.accountId)).length).toBe(before);
  });

  it("R-ACC-3: a customer cannot review refunds", async () => {
    expect((await call(adminListRoute, { key: c.apiKey })).status).toBe(403);
  });
});

describe("R-REF-7 preview = execution", () => {
  it(
    "R-REF-7: the executed refund equals the preview made at the same instant; refund ≤ paid; balance = Σ ledger",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            edition: fc.constantFrom("pro" as const, "ultimate" as const),
            months: fc.integer({ min: 1, max: 24 }),
            pack: fc.boolean(),
            gift: fc.integer({ min: 0, max: 300000 }),
            renew: fc.integer({ min: 0, max: 3 }),
            product: fc.constantFrom("plan", "security_advanced"),
            mode: fc.constantFrom("standard" as const, "five_day" as const),
          }),
          async (s) => {
            const c = await customer("200000.00");
            if (s.gift) {
              const { topUp } = await import("@/lib/services/accounts");
              await topUp(op.actor, c.accountId, { gift: money(s.gift).div(100).toFixed(2), note: "g" });
            }
            const { sdkAppId } = await buy(
              c,
              s.edition,
              s.months,
              s.pack ? [{ pack: "security_advanced", tier: null }] : [],
            );
            if (s.renew)
              await placeOrder(
                c.actor,
                { type: "renewal", sdkAppIds: [sdkAppId], months: s.renew, agreeSla: true },
                key(),
              );
            const body = { sdkAppId, product: s.product, mode: s.mode };
            const p = await preview(c, body);
            const r = await refund(c, body);
            if (!p.json.eligible) {
              expect(r.status).toBe(422);
              expect(r.json.error.details.reason).toBe(p.json.reason);
            } else {
              expect(r.status).toBe(201);
              expect({ total: r.json.total, cash: r.json.cash, gift: r.json.gift, lines: r.json.lines }).toEqual({
                total: p.json.total,
                cash: p.json.cash,
                gift: p.json.gift,
                lines: p.json.lines,
              });
              for (const l of r.json.lines)
                expect(money(l.amount).lte(l.paid) && money(l.amount).eq(money(l.cash).plus(l.gift))).toBe(true);
            }
            const sums = await ledgerSums(db(), c.accountId);
            const [acc] = await db().select().from(accounts).where(eq(accounts.id, c.accountId));
            expect([sums.cash.toFixed(2), sums.gift.toFixed(2)]).toEqual([acc!.cash, acc!.gift]);
          },
        ),
        { numRuns: 10 },
      );
    },
    SLOW * 3,
  );
});

describe("R-BUY-3 change plan", () => {
  const quoteRoute = async () => (await import("@/app/api/v1/quotes/route")).POST;
  const orderRoute = async () => (await import("@/app/api/v1/orders/route")).POST;

  it(
    "R-BUY-3: pro → ultimate with a pack in one transaction: standard refund, new term from now, net charged",
    async () => {
      const c = await customer("20000.00");
      const { sdkAppId } = await buy(c, "pro", 3, [{ pack: "security_advanced", tier: null }]);
      const before = await balance(c);
      const body = {
        type: "change",
        sdkAppId,
        edition: "ultimate",
        months: 3,
        packs: [{ pack: "group_members", tier: "6000" }],
        agreeSla: true,
      };
      const q = await call(await quoteRoute(), { key: c.apiKey, body });
      expect(q.status).toBe(200);
      // bought this very second: nothing used, so 2997.00 + 3000.00 come back; the new order is 8997.00 + 1500.00
      expect(q.json).toMatchObject({
        total: "10497.00",
        refund: { mode: "standard", total: "5997.00" },
        net: "4500.00",
      });
      const o = await call(await orderRoute(), { key: c.apiKey, body, headers: { "Idempotency-Key": key() } });
      expect(o.status).toBe(201);
      expect(o.json).toMatchObject({ type: "change", total: "10497.00", refund: { total: "5997.00" }, net: "4500.00" });
      const after = await balance(c);
      expect(Number(before.balance.available) - Number(after.balance.available)).toBeCloseTo(4500, 2);
      expect(after.fiveDayRefundUsed).toBe(false);
      const app = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } });
      expect(app.json).toMatchObject({
        edition: "ultimate",
        status: "enabled",
        expiresAt: o.json.lines[0].periodEnd,
        packs: [{ pack: "group_members", tier: "6000" }],
      });
      const mine = await call(listRefundsRoute, { key: c.apiKey });
      expect(mine.json.refunds[0]).toMatchObject({ mode: "standard", status: "executed", changeOrderId: o.json.id });
    },
    SLOW,
  );

  it(
    "R-BUY-3: a net payable above the balance changes nothing",
    async () => {
      const c = await customer("3000.00");
      const { sdkAppId } = await buy(c, "pro", 1);
      const before = { balance: await balance(c), ledger: (await ledgerRows(c.accountId)).length };
      const o = await call(await orderRoute(), {
        key: c.apiKey,
        body: { type: "change", sdkAppId, edition: "ultimate", months: 12, agreeSla: true },
        headers: { "Idempotency-Key": key() },
      });
      expect([o.status, o.json.error.code]).toEqual([422, "insufficient_balance"]);
      expect({ balance: await balance(c), ledger: (await ledgerRows(c.accountId)).length }).toEqual(before);
      expect((await call(listRefundsRoute, { key: c.apiKey })).json.refunds).toHaveLength(0);
      expect((await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } })).json.edition).toBe(
        "pro",
      );
    },
    SLOW,
  );

  it(
    "R-BUY-3: a trial app cannot change; it buys a plan",
    async () => {
      const c = await customer();
      const app = await createApp(c.actor, { name: "trial" });
      const o = await call(await orderRoute(), {
        key: c.apiKey,
        body: { type: "change", sdkAppId: app.sdkAppId, edition: "pro", months: 1, agreeSla: true },
        headers: { "Idempotency-Key": key() },
      });
      expect([o.status, o.json.error.details.reason]).toEqual([422, "change_needs_term"]);
    },
    SLOW,
  );
});

describe("R-REF-4 / R-BUY-4 buying again after a plan refund", () => {
  it(
    "R-BUY-4: a refunded (disabling) app buys a new plan that starts now and is enabled again",
    async () => {
      const c = await customer();
      const { sdkAppId } = await buy(c, "pro", 2);
      expect((await refund(c, { sdkAppId, product: "plan", mode: "standard" })).json.status).toBe("executed");
      const r = await call((await import("@/app/api/v1/orders/route")).POST, {
        key: c.apiKey,
        body: { type: "plan", sdkAppId, edition: "ultimate", months: 1, agreeSla: true },
        headers: { "Idempotency-Key": key() },
      });
      expect(r.status).toBe(201);
      const app = await call(getAppRoute, { key: c.apiKey, params: { sdkAppId: String(sdkAppId) } });
      expect(app.json).toMatchObject({
        edition: "ultimate",
        status: "enabled",
        statusReason: "purchased",
        expiresAt: r.json.lines[0].periodEnd,
      });
      const [row] = await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId));
      expect(row!.disablingUntil).toBeNull();
    },
    SLOW,
  );
});
