import type { Page } from "@playwright/test";
import { DEMO, e2eDatabaseUrl, expect, setLocale, shot, signIn, test, uniq } from "./fixtures";

// R-LIFE-3 / R-LIFE-4: bills list, bill page and the arrears banner. The spec makes its own account
// and drives the bill steps through the services at their own scheduled instants (a test hook on the
// e2e database), so the shared test clock and the demo accounts are left alone.
process.env.DATABASE_URL = e2eDatabaseUrl();
process.env.APP_MODE = "test";

type Setup = { email: string; password: string; sdkAppId: number; month: string; accountId: string };

async function setUp(): Promise<Setup> {
  const { eq, sql } = await import("drizzle-orm");
  const { db } = await import("../db/client");
  const { users } = await import("../db/schema");
  const { createAccount, topUp, verifyAccount } = await import("../lib/services/accounts");
  const { createApp } = await import("../lib/services/apps");
  const { placeOrder } = await import("../lib/services/purchase");
  const { recordDaily } = await import("../lib/services/usage");
  const { runBillsDue } = await import("../lib/services/bills");
  const { deductAt, nextMonth, pushAt } = await import("../lib/billing/arrears");
  const { monthDays } = await import("../lib/billing/bills");
  const { shanghaiDay, shanghaiMidnight } = await import("../lib/billing/calendar");
  const { now } = await import("../lib/clock");

  const [opUser] = await db().select().from(users).where(eq(users.email, DEMO.operator.email));
  const op = { kind: "operator" as const, userId: opUser!.id };
  const email = `bills-${uniq()}@e2e.example`;
  const password = `pw-${uniq()}-secret`;
  const r = await createAccount(op, { name: "账单测试 Bills E2E", ownerEmail: email, ownerPassword: password });
  const accountId = r.account.id;
  await verifyAccount(op, accountId);
  await topUp(op, accountId, { cash: "3097.00", note: "e2e" });
  const owner = { kind: "customer" as const, accountId, role: "owner" as const, userId: r.ownerId };
  const app = await createApp(owner, { name: "直播互动 Live Chat" });
  await placeOrder(
    owner,
    {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition: "pro",
      months: 3,
      packs: [
        { pack: "history", tier: "90" },
        { pack: "barrage_bandwidth", tier: null },
      ],
      agreeSla: true,
    },
    `e2e-${uniq()}`,
  );
  await createApp(owner, { name: "体验 Trial" });
  const month = nextMonth(shanghaiDay(await now()).slice(0, 7));
  const days = monthDays(month);
  // DAU 12,345 on the 9th: one started 10,000 over the free quota; bandwidth on a few days.
  await db().execute(sql`insert into daily_active_users (app_id, day, user_id, first_login_at)
    select ${app.id}::uuid, ${days[8]!}::date, 'u' || g,
      ${shanghaiMidnight(days[8]!).toISOString()}::timestamptz
    from generate_series(1, 12345) as g`);
  await recordDaily(
    owner,
    days.slice(0, 5).map((date, i) => ({
      sdkAppId: app.sdkAppId,
      date,
      groups: 1200 + i,
      liveGroups: 4,
      bandwidthMbps: { domestic: 1.25 + i, international: i === 2 ? 0.5 : 0 },
    })),
  );
  // Made at 00:00 on the 1st, deducted at 00:00 on the 3rd, each at its own instant.
  await runBillsDue(new Date(pushAt(month).getTime() - 1000), deductAt(month), { accountIds: [accountId] });
  return { email, password, sdkAppId: app.sdkAppId, month, accountId };
}

async function wideAndNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-wide`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test(
  "R-LIFE-3 / R-LIFE-4: the bills list, a bill's lines with evidence and CSV, and the arrears " + "banner (zh-CN, en)",
  async ({ page }) => {
    test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
    const s = await setUp();
    await signIn(page.context(), s);
    await page.goto("/bills");
    await expect(page.getByRole("heading", { level: 1, name: "账单" })).toBeVisible();
    const row = page.getByTestId("bill-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(s.month);
    await expect(row).toContainText("已扣费");
    // Bill: 1,000.00 DAU overage + history 90 d (1,000.00 for the whole month) + bandwidth.
    await expect(row).toContainText("¥2,034.50");
    // Deduction took it below zero: the red banner says how much to pay and by when.
    const banner = page.getByTestId("arrears-banner");
    await expect(banner).toContainText("您的账户已欠费");
    await expect(banner).toContainText("¥1,934.50");
    await wideAndNarrow(page, "bills-list-zh");

    await row.getByRole("link", { name: s.month }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${s.month} 账单`);
    await expect(page.getByTestId("bill-total")).toHaveText("¥2,034.50");
    await expect(page.getByTestId("bill-app")).toHaveCount(1);
    await expect(page.getByTestId("bill-line").filter({ hasText: "DAU 超量" })).toContainText("峰值 DAU 12,345");
    await expect(page.getByTestId("bill-line").filter({ hasText: "历史消息存储" })).toContainText("90 天");
    const csv = await page.request.get(page.url() + "/lines.csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "bill_month,sdk_app_id,app_name,item,quantity,unit_price,amount,detail",
    );
    await wideAndNarrow(page, "bill-page-zh");

    await page.goto(`/apps/${s.sdkAppId}`);
    const past = page.getByTestId("app-bill-lines");
    await expect(past).toContainText(`${s.month} · DAU 超量`);
    await past.getByRole("link", { name: `${s.month} · DAU 超量` }).click();
    await expect(page).toHaveURL(new RegExp(`/bills/.+#app-${s.sdkAppId}$`));

    await page.goto("/bills");
    await setLocale(page, "en");
    await page.goto("/bills");
    await expect(page.getByRole("heading", { level: 1, name: "Bills" })).toBeVisible();
    await expect(page.getByTestId("bill-row")).toContainText("Deducted");
    await expect(page.getByTestId("arrears-banner")).toContainText("pay ¥1,934.50 by");
    await wideAndNarrow(page, "bills-list-en");
    await page.getByTestId("bill-row").getByRole("link", { name: s.month }).click();
    await expect(page.getByTestId("bill-line").filter({ hasText: "DAU overage" })).toContainText("Peak DAU 12,345");
    await wideAndNarrow(page, "bill-page-en");

    // At 00:00 of push day + 7 the apps are suspended for arrears; the banner says so.
    const { suspendForArrears } = await import("../lib/services/bills");
    const { arrearsSuspendAt, pushAt } = await import("../lib/billing/arrears");
    expect(await suspendForArrears(s.month, arrearsSuspendAt(pushAt(s.month)), { accountIds: [s.accountId] })).toBe(2);
    await page.goto("/apps");
    await expect(page.getByTestId("arrears-banner")).toContainText("apps are suspended");
    await wideAndNarrow(page, "arrears-suspended-en");
    await setLocale(page, "zh-CN");
    await page.goto("/bills");
    await expect(page.getByTestId("arrears-banner")).toContainText("所有应用已停服");
    await wideAndNarrow(page, "arrears-suspended-zh");
  },
);

test("the Bills page has an empty state for an account without bills", async ({ page, seedUser }) => {
  await signIn(page.context(), await seedUser({ verified: false }));
  await page.goto("/bills");
  await expect(page.getByText("暂无账单")).toBeVisible();
  await shot(page, "bills-empty-zh");
});
