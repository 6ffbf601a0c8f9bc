import { beforeAll, describe, expect, it } from "vitest";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { POST as createAppRoute } from "@/app/api/v1/apps/route";
import { PUT as autoRenewRoute } from "@/app/api/v1/apps/[sdkAppId]/auto-renew/route";
import { POST as adminCreateAccount } from "@/app/api/v1/admin/accounts/route";
import { POST as adminTopUp } from "@/app/api/v1/admin/accounts/[id]/topups/route";
import { POST as clockPost } from "@/app/api/v1/admin/clock/route";
import { POST as quoteRoute } from "@/app/api/v1/quotes/route";
import { POST as orderRoute } from "@/app/api/v1/orders/route";
import { POST as voucherRoute } from "@/app/api/v1/admin/vouchers/route";
import { POST as previewRoute } from "@/app/api/v1/refunds/preview/route";
import { POST as refundRoute } from "@/app/api/v1/refunds/route";
import { POST as verifyRoute } from "@/app/api/v1/admin/accounts/[id]/verify/route";
import {
  MONEY_STRING,
  allApps,
  call,
  createCustomer,
  createOperator,
  SLOW,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const MONEY_KEYS = [
  "cash",
  "gift",
  "available",
  "total",
  "amount",
  "listTotal",
  "discountTotal",
  "voucherAmount",
  "listAmount",
  "discountAmount",
  "unitPrice",
  "paid",
  "used",
  "voucher",
  "shortfall",
  "net",
  "minTotal",
  "usedAmount",
];

/** Every number-like leaf under a "balance" or money key must be a string. */
function moneyLeaves(value: unknown, path = ""): [string, unknown][] {
  if (value === null || typeof value !== "object") return [];
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (MONEY_KEYS.includes(k)) out.push([p, v]);
    out.push(...moneyLeaves(v, p));
  }
  return out;
}

describe("API conventions", () => {
  let shared: TestCustomer;
  beforeAll(async () => {
    shared = await createCustomer(op);
  });

  it.each(["{not json", '{"name": ', "[1,2", "nul"])(
    "API: a malformed JSON body (%s) → 400 validation_failed naming the body",
    async (raw) => {
      const c = shared;
      const before = await allApps(c.accountId);
      const r = await call(createAppRoute, { key: c.apiKey, body: raw });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
      expect(r.json.error.details.fields.body).toEqual(expect.any(String));
      expect(await allApps(c.accountId)).toBe(before);
    },
  );

  it("API: malformed JSON on operator and PUT endpoints → 400, never 500", async () => {
    const c = shared;
    const app = (await call(createAppRoute, { key: c.apiKey, body: { name: "a" } })).json;
    for (const r of [
      await call(adminCreateAccount, { key: op.key, body: "{" }),
      await call(adminTopUp, { key: op.key, params: { id: c.accountId }, body: '{"cash": 1' }),
      await call(clockPost, { key: op.key, body: "}" }),
      await call(autoRenewRoute, {
        method: "PUT",
        key: c.apiKey,
        params: { sdkAppId: String(app.sdkAppId) },
        body: "tru",
      }),
    ]) {
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
    }
  });

  it.each([
    ["null", "null"],
    ["a string", '"x"'],
    ["a number", "42"],
  ])("API: a JSON body that is %s → 400 validation_failed", async (_label, raw) => {
    const c = shared;
    const r = await call(createAppRoute, { key: c.apiKey, body: raw });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
  });

  it(
    "R-MONEY-1: money in API answers is always a two-decimal string",
    async () => {
      const c = await createCustomer(op, { cash: "1234567.8", gift: "0.05" });
      const answers = [
        (await call(accountRoute, { key: c.apiKey })).json,
        (await call(adminTopUp, { key: op.key, params: { id: c.accountId }, body: { cash: "1", note: "n" } })).json,
        (
          await call(adminCreateAccount, {
            key: op.key,
            body: { name: "m", ownerEmail: `m-${c.accountId}@test.example`, ownerPassword: "long enough pw" },
          })
        ).json,
      ];
      for (const a of answers) {
        const leaves = moneyLeaves(a);
        expect(leaves.length).toBeGreaterThan(0);
        for (const [path, v] of leaves) {
          if (typeof v === "object") continue; // e.g. the "balance" container itself is not a leaf
          expect(typeof v, path).toBe("string");
          expect(v, path).toMatch(MONEY_STRING);
        }
      }
      // quotes, orders, vouchers, refund previews and refunds too
      await call(verifyRoute, { key: op.key, params: { id: c.accountId }, method: "POST" });
      const app = (await call(createAppRoute, { key: c.apiKey, body: { name: "money" } })).json;
      const body = {
        type: "plan",
        sdkAppId: app.sdkAppId,
        edition: "ultimate",
        months: 12,
        packs: [{ pack: "group_members", tier: "6000" }],
        agreeSla: true,
      };
      answers.push((await call(quoteRoute, { key: c.apiKey, body })).json);
      answers.push(
        (await call(orderRoute, { key: c.apiKey, body, headers: { "Idempotency-Key": `money-${c.accountId}` } })).json,
      );
      answers.push(
        (
          await call(voucherRoute, {
            key: op.key,
            body: { accountId: c.accountId, amount: "5", minTotal: "10.5", expiresAt: "2099-01-01T00:00:00Z" },
          })
        ).json,
      );
      const refund = { sdkAppId: app.sdkAppId, product: "plan", mode: "standard" };
      answers.push((await call(previewRoute, { key: c.apiKey, body: refund })).json);
      answers.push((await call(refundRoute, { key: c.apiKey, body: refund })).json);
      for (const a of answers.slice(3)) {
        const leaves = moneyLeaves(a);
        expect(leaves.length).toBeGreaterThan(1);
        for (const [path, v] of leaves) {
          if (v === null || typeof v === "object") continue; // containers, and "not used yet" nulls
          expect(typeof v, path).toBe("string");
          expect(v, path).toMatch(MONEY_STRING);
        }
      }
      expect(answers[0].balance).toEqual({ cash: "1234567.80", gift: "0.05", available: "1234567.85" });
      expect(answers[1].balance).toEqual({ cash: "1234568.80", gift: "0.05", available: "1234568.85" });
    },
    SLOW,
  );
});
