import type { APIRequestContext } from "@playwright/test";
import { AUTH, e2eDatabaseUrl, expect, OPERATOR_KEY, setLocale, shot, signIn, test, uniq } from "./fixtures";

// The e2e database, for the one bill the overview test needs (bills.spec.ts does the same).
process.env.DATABASE_URL = e2eDatabaseUrl();

// Issue 9, "polish found on the way" and the overview, in both languages.

async function api(request: APIRequestContext, key: string, method: "get" | "post", path: string, data?: object) {
  const res = await request[method](`/api/v1${path}`, {
    headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `polish-${uniq()}` },
    data,
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function customer(request: APIRequestContext, cash: string) {
  const id = uniq();
  const owner = { email: `polish-${id}@example.com`, password: "polish-e2e-pass-1" };
  const name = `E2E 打磨 ${id}`;
  const { account, apiKey } = await api(request, OPERATOR_KEY, "post", "/admin/accounts", {
    name,
    ownerEmail: owner.email,
    ownerPassword: owner.password,
  });
  await api(request, OPERATOR_KEY, "post", `/admin/accounts/${account.id}/verify`);
  if (cash !== "0")
    await api(request, OPERATOR_KEY, "post", `/admin/accounts/${account.id}/topups`, { cash, note: "e2e polish" });
  const app = await api(request, apiKey, "post", "/apps", { name: "Polish App" });
  return { owner, name, accountId: account.id as string, apiKey, sdkAppId: app.sdkAppId as number };
}

test(
  "operator dialogs have their own bodies; top-up validates first and confirms ¥5,000.00; the " +
    "toast names ¥ amounts",
  async ({ operatorPage: page, request }) => {
    const c = await customer(request, "0");
    await page.goto("/admin/accounts");
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByRole("dialog")).toContainText("为新客户创建主账号");
    await expect(page.getByRole("dialog")).not.toContainText("查找客户账号");
    await page.keyboard.press("Escape");

    const fresh = await api(request, OPERATOR_KEY, "post", "/admin/accounts", {
      name: `E2E 未认证 ${uniq()}`,
      ownerEmail: `polish-u-${uniq()}@example.com`,
      ownerPassword: "polish-e2e-pass-1",
    });
    await page.goto(`/admin/accounts/${fresh.account.id}`);
    await page.getByRole("button", { name: "完成实名认证" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("确认已核实");
    await page.getByRole("alertdialog").getByRole("button", { name: "取消" }).click();

    await page.goto(`/admin/accounts/${c.accountId}`);
    const form = page.getByRole("form", { name: "充值 / 赠送" });
    await form.getByLabel("现金充值（元）").fill("12.345");
    await form.getByLabel("备注").fill("bank transfer 001");
    await form.getByRole("button", { name: "入账" }).click();
    await expect(form.getByText("最多两位小数的金额")).toBeVisible();
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await form.getByLabel("现金充值（元）").fill("5000");
    await form.getByRole("button", { name: "入账" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("现金 ¥5,000.00，赠送金 ¥0.00");
    await shot(page, "polish-topup-confirm-zh");
    await page.getByRole("alertdialog").getByRole("button", { name: "确认" }).click();
    await expect(page.getByText(`已为「${c.name}」入账：现金 ¥5,000.00，赠送金 ¥0.00`)).toBeVisible();
  },
);

test("operator pages use words, not internal ones (clock mode)", async ({ operatorPage: page }) => {
  for (const locale of ["zh-CN", "en"] as const) {
    await setLocale(page, locale);
    for (const path of ["/admin", "/admin/clock"]) {
      await page.goto(path);
      await expect(page.locator("main")).not.toContainText(/\bwall\b|: test\b|· test\b/);
    }
  }
  await page.goto("/admin/clock");
  await expect(page.locator("main")).toContainText("Test clock (can be moved)");
});

test(
  "the SLA box links to the agreement (both languages); a shortfall leads to how to top up, with " + "the amount",
  async ({ page, request }) => {
    const c = await customer(request, "100.00");
    await signIn(page.context(), c.owner);
    await page.goto(`/buy?app=${c.sdkAppId}`);
    const link = page.getByTestId("agreement-link");
    await expect(link).toHaveAttribute("href", "/agreement");
    await page.goto("/agreement");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("即时通信 IM 服务等级协议");
    await expect(page.getByRole("heading", { name: "3. 赔偿" })).toBeVisible();
    await shot(page, "polish-agreement-zh");
    await setLocale(page, "en");
    await page.goto("/agreement");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("IM Service Level Agreement");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "polish-agreement-en-narrow");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Ultimate for a year costs far more than the ¥100.00 on the balance.
    await setLocale(page, "zh-CN");
    await page.goto(`/buy?app=${c.sdkAppId}`);
    await page.getByRole("radio", { name: /旗舰版/ }).click();
    await page.getByRole("radio", { name: "1 年" }).click();
    const short = page.getByTestId("quote-shortfall");
    await expect(short).toBeVisible();
    await short.getByRole("link").click();
    await expect(page).toHaveURL(/\/top-up\?shortfall=\d+\.\d{2}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("如何充值");
    await expect(page.getByTestId("top-up-shortfall")).toContainText(/本次购买还差 ¥[\d,]+\.\d{2}/);
    await expect(page.getByTestId("top-up-account-id")).toHaveText(c.accountId);
    await shot(page, "polish-top-up-zh");
    await setLocale(page, "en");
    await page.reload();
    await expect(page.getByTestId("top-up-shortfall")).toContainText(/This purchase is ¥[\d,]+\.\d{2} short/);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "polish-top-up-en-narrow");
  },
);

test.describe("the viewer account (read only)", () => {
  test.use({ storageState: AUTH.viewerOwner });

  test("not-found pages answer 404 inside the console and say what was not found; a favicon exists", async ({
    page,
    request,
  }) => {
    const cases: [string, string, string][] = [
      ["/apps/1499999999", "未找到该应用", "App not found"],
      ["/orders/00000000-0000-4000-8000-000000000000", "未找到该订单", "Order not found"],
      ["/bills/00000000-0000-4000-8000-000000000000", "未找到该账单", "Bill not found"],
    ];
    for (const [path, zh, en] of cases) {
      await setLocale(page, "zh-CN");
      const res = await page.goto(path);
      expect(res!.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh);
      await expect(page.getByRole("navigation").first()).toBeVisible();
      await setLocale(page, "en");
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(en);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "polish-not-found-en-narrow");
    const icon = await request.get("/icon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg");
    await page.goto("/overview");
    await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  });
});

test(
  "the overview: spend by month, renewals due in 30 days, apps by status, the latest bill, unread " +
    "notifications (zh, en, 390 px)",
  async ({ page, request }) => {
    const c = await customer(request, "5000.00");
    await api(request, c.apiKey, "post", "/orders", {
      type: "plan",
      sdkAppId: c.sdkAppId,
      edition: "pro",
      months: 1,
      packs: [],
      agreeSla: true,
    });
    const { db } = await import("../db/client");
    const { apps, bills } = await import("../db/schema");
    const { eq } = await import("drizzle-orm");
    // A month's term ends in 30–31 days; bring this app's end inside the 30-day window (test hook on its own account).
    const [row] = await db().select().from(apps).where(eq(apps.sdkAppId, c.sdkAppId));
    await db()
      .update(apps)
      .set({ expiresAt: new Date(row!.expiresAt!.getTime() - 5 * 86_400_000) })
      .where(eq(apps.sdkAppId, c.sdkAppId));
    await db()
      .insert(bills)
      .values({
        accountId: c.accountId,
        month: "2026-10",
        status: "pushed",
        total: "1234.50",
        priceBookVersion: "2026-01",
        pushedAt: new Date("2026-10-31T16:00:00Z"),
      });

    await signIn(page.context(), c.owner);
    await page.goto("/overview");
    await expect(page.getByTestId("spend-chart")).toBeVisible();
    await expect(page.getByTestId("spend-table").locator("tbody tr")).toHaveCount(12);
    await expect(page.getByTestId("spend-table").locator("tbody tr").last()).toContainText(/¥[1-9][\d,]*\.\d{2}/);
    await expect(page.getByTestId("latest-bill-card")).toContainText("¥1,234.50");
    await expect(page.getByTestId("latest-bill-card").getByRole("link")).toHaveText("查看 2026-10 账单");
    await expect(page.getByTestId("unread-card")).toBeVisible();
    await expect(page.getByTestId("renewals-due")).toContainText("Polish App");
    await expect(page.getByTestId("renewals-due")).toContainText("需手动续费");
    await shot(page, "polish-overview-zh");
    await setLocale(page, "en");
    await page.goto("/overview");
    await expect(page.getByTestId("spend-card")).toContainText("Spend by month");
    await expect(page.getByTestId("renewals-due")).toContainText("Due in the next 30 days");
    await shot(page, "polish-overview-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "polish-overview-en-narrow");
  },
);
