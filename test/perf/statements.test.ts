/**
 * Issue 11: queries per page do not grow with data. The data loaders of the apps list, the renewals page
 * and the overview (the same service calls the pages make) send the same number of statements for an
 * account with 1 app and with 100; and each hot API request has a fixed statement budget.
 * Counts come from db/client.ts statementCount() (the driver's debug hook), never from timings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { statementCount } from "@/db/client";
import { now } from "@/lib/clock";
import { getAccount } from "@/lib/services/accounts";
import { appsJson, countApps, createApp, expiringApps, listApps } from "@/lib/services/apps";
import { listVouchers } from "@/lib/services/vouchers";
import { placeOrder } from "@/lib/services/purchase";
import { GET as healthRoute } from "@/app/api/health/route";
import { POST as quoteRoute } from "@/app/api/v1/quotes/route";
import { POST as orderRoute } from "@/app/api/v1/orders/route";
import { POST as checkRoute } from "@/app/api/v1/apps/[sdkAppId]/entitlements/check/route";
import { POST as loginsRoute } from "@/app/api/v1/usage/logins/route";
import { call, createCustomer, createOperator, insertApps, type TestCustomer } from "../helpers";
import { accountJson } from "@/lib/wire";

async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  const before = statementCount();
  await fn();
  return statementCount() - before;
}

const appsPage = async (accountId: string) => {
  const [rows] = await Promise.all([listApps(accountId), countApps(accountId)]);
  return appsJson(rows);
};
const renewalsPage = async (accountId: string) => {
  await now();
  const [rows] = await Promise.all([listApps(accountId), listVouchers(accountId)]);
  return appsJson(rows.filter((a) => a.edition !== "trial"));
};
const overviewPage = async (accountId: string) => {
  const at = await now();
  return Promise.all([getAccount(accountId).then(accountJson), countApps(accountId), expiringApps(accountId, at)]);
};

/** An account with `n` apps; `paid` of them bought pro with a pack (so packs and orders exist too). */
async function accountWith(n: number, paid: number): Promise<TestCustomer> {
  const op = await createOperator();
  const c = await createCustomer(op, { verified: true, cash: "1000000.00" });
  for (let i = 0; i < paid; i++) {
    const app = await createApp(c.actor, { name: `paid ${i}` });
    await placeOrder(
      c.actor,
      {
        type: "plan",
        sdkAppId: app.sdkAppId,
        edition: "pro",
        months: 1,
        packs: [{ pack: "security_advanced", tier: null }],
        agreeSla: true,
      },
      `k-${i}`,
    );
  }
  await insertApps(c.accountId, n - paid);
  return c;
}

describe("statements per page do not grow with data (issue 11)", () => {
  let one: TestCustomer;
  let hundred: TestCustomer;
  beforeAll(async () => {
    one = await accountWith(1, 1);
    hundred = await accountWith(100, 5);
  });

  for (const [name, loader] of [
    ["apps list", appsPage],
    ["renewals page", renewalsPage],
    ["overview", overviewPage],
  ] as const) {
    it(`the ${name} sends the same number of statements for 1 app and for 100`, async () => {
      await loader(one.accountId); // warm: the test clock row exists
      const a = await statementsOf(() => loader(one.accountId));
      const b = await statementsOf(() => loader(hundred.accountId));
      expect(b).toBe(a);
    });
  }
});

describe("statement budgets of the hot API requests (issue 11)", () => {
  let c: TestCustomer;
  let sdkAppId: number;
  beforeAll(async () => {
    const op = await createOperator();
    c = await createCustomer(op, { verified: true, cash: "1000000.00" });
    sdkAppId = (await createApp(c.actor, { name: "budget" })).sdkAppId;
  });
  const budgets: Record<string, number> = {};

  it("GET /api/health sends one statement", async () => {
    expect(await statementsOf(() => call(healthRoute as never, {}))).toBe(1);
  });

  it("POST /quotes, /entitlements/check, /orders and a 10,000-event /usage/logins stay within budget", async () => {
    const body = { type: "plan", sdkAppId, edition: "pro", months: 1, agreeSla: true };
    budgets.quote = await statementsOf(async () =>
      expect((await call(quoteRoute, { key: c.apiKey, body })).status).toBe(200),
    );
    budgets.check = await statementsOf(async () =>
      expect(
        (
          await call(checkRoute, {
            key: c.apiKey,
            params: { sdkAppId: String(sdkAppId) },
            body: { action: "create_group", current: { groups: 1 } },
          })
        ).status,
      ).toBe(200),
    );
    budgets.order = await statementsOf(async () =>
      expect((await call(orderRoute, { key: c.apiKey, body, headers: { "Idempotency-Key": "budget-1" } })).status).toBe(
        201,
      ),
    );
    const at = new Date((await now()).getTime());
    const events = Array.from({ length: 10_000 }, (_, i) => ({ sdkAppId, userId: `u${i}`, at: at.toISOString() }));
    budgets.logins = await statementsOf(async () =>
      expect((await call(loginsRoute, { key: c.apiKey, body: { events } })).status).toBe(200),
    );
    expect(budgets).toEqual(BUDGETS);
  });
});

/**
 * Statements each request sends in test mode (the test clock is one more read; production's wall clock is
 * none), the API key lookup included. Before issue 11: quote 8, check 5, order 24, logins 12
 * (docs/performance.md). A change that adds a round trip to a hot path must update this on purpose:
 * issue 9 added two to an order (its O- number from the sequence, and the check that no plan change
 * of the app waits for review). Issue 11 round 3: an order 18 -> 14 (answered from the rows it wrote, not
 * read back after commit; its audit rows in one insert; the app's update returns the row as it was).
 * Round 4: a quote reads the key, the account, the test clock and the apps in one statement (3 -> 1); an
 * entitlement check reads the key and the app in one (3 -> 2; the other is test mode's clock read); an order
 * reads whether a plan change of its apps waits for review with the locked apps (14 -> 13).
 */
const BUDGETS = { quote: 1, check: 2, order: 13, logins: 3 };
