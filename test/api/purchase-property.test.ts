import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, orderLines, orders } from "@/db/schema";
import { topUp } from "@/lib/services/accounts";
import { createApp } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { ledgerSums } from "@/lib/services/ledger";
import { isDomainError } from "@/lib/errors";
import { money } from "@/lib/money";
import { createCustomer, createOperator, SLOW, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

type Step =
  | { kind: "topup"; cash: number; gift: number }
  | { kind: "plan"; app: number; edition: "pro" | "ultimate"; months: number; pack: boolean }
  | { kind: "pack"; app: number }
  | { kind: "renew"; apps: number[]; months: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("topup" as const),
    cash: fc.integer({ min: 0, max: 500000 }),
    gift: fc.integer({ min: 0, max: 50000 }),
  }),
  fc.record({
    kind: fc.constant("plan" as const),
    app: fc.integer({ min: 0, max: 2 }),
    edition: fc.constantFrom("pro" as const, "ultimate" as const),
    months: fc.integer({ min: 1, max: 24 }),
    pack: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("pack" as const), app: fc.integer({ min: 0, max: 2 }) }),
  fc.record({
    kind: fc.constant("renew" as const),
    apps: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    months: fc.integer({ min: 1, max: 24 }),
  }),
);

describe("R-MONEY-2 / R-BUY-7 purchase invariants", () => {
  it(
    "R-MONEY-2: after any sequence of top-ups and purchases, balance = Σ " +
      "ledger, cash and gift ≥ 0, Σ paid = Σ lines − discounts − voucher",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
          const c = await createCustomer(op, { verified: true });
          const apps: { sdkAppId: number }[] = [];
          for (let i = 0; i < 3; i++) apps.push(await createApp(c.actor, { name: `p${i}` }));
          let n = 0;
          for (const s of steps) {
            const key = `prop-${c.accountId}-${n++}`;
            try {
              if (s.kind === "topup") {
                if (s.cash + s.gift === 0) continue;
                await topUp(op.actor, c.accountId, {
                  ...(s.cash ? { cash: money(s.cash).div(100).toFixed(2) } : {}),
                  ...(s.gift ? { gift: money(s.gift).div(100).toFixed(2) } : {}),
                  note: "p",
                });
              } else if (s.kind === "plan") {
                await placeOrder(
                  c.actor,
                  {
                    type: "plan",
                    sdkAppId: apps[s.app]!.sdkAppId,
                    edition: s.edition,
                    months: s.months,
                    packs: s.pack ? [{ pack: "security_advanced", tier: null }] : [],
                    agreeSla: true,
                  },
                  key,
                );
              } else if (s.kind === "pack") {
                await placeOrder(
                  c.actor,
                  {
                    type: "pack",
                    sdkAppId: apps[s.app]!.sdkAppId,
                    pack: "groups_per_user",
                    tier: null,
                    agreeSla: true,
                  },
                  key,
                );
              } else {
                await placeOrder(
                  c.actor,
                  {
                    type: "renewal",
                    sdkAppIds: s.apps.map((i) => apps[i]!.sdkAppId),
                    months: s.months,
                    agreeSla: true,
                  },
                  key,
                );
              }
            } catch (e) {
              if (!isDomainError(e) || !["insufficient_balance", "not_eligible", "validation_failed"].includes(e.code))
                throw e;
            }
          }
          const [acc] = await db().select().from(accounts).where(eq(accounts.id, c.accountId));
          const sums = await ledgerSums(db(), c.accountId);
          expect(money(acc!.cash).eq(sums.cash)).toBe(true);
          expect(money(acc!.gift).eq(sums.gift)).toBe(true);
          expect(money(acc!.cash).gte(0) && money(acc!.gift).gte(0)).toBe(true);
          const [paid] = await db()
            .select({
              paid: sql<string>`coalesce(sum(${orders.paidCash} + ${orders.paidGift} + ${orders.paidVoucher}), 0)`,
              vouchers: sql<string>`coalesce(sum(${orders.voucherAmount}), 0)`,
              total: sql<string>`coalesce(sum(${orders.total}), 0)`,
            })
            .from(orders)
            .where(eq(orders.accountId, c.accountId));
          const [lines] = await db()
            .select({ amount: sql<string>`coalesce(sum(${orderLines.amount}), 0)` })
            .from(orderLines)
            .where(eq(orderLines.accountId, c.accountId));
          expect(money(paid!.paid).toFixed(2)).toBe(money(lines!.amount).toFixed(2));
          expect(money(paid!.total).toFixed(2)).toBe(money(lines!.amount).minus(paid!.vouchers).toFixed(2));
          // R-REF-3: each line's voucher + gift + cash parts add up to its amount, and to the order's split
          const [split] = await db()
            .select({
              bad: sql<number>`count(*) filter (
                where ${orderLines.paidVoucher} + ${orderLines.paidGift} + ${orderLines.paidCash}
                    <> ${orderLines.amount}
                  or ${orderLines.paidCash} < 0 or ${orderLines.paidGift} < 0
              )::int`,
            })
            .from(orderLines)
            .where(eq(orderLines.accountId, c.accountId));
          expect(split!.bad).toBe(0);
        }),
        { numRuns: 12 },
      );
    },
    SLOW * 3,
  );
});
