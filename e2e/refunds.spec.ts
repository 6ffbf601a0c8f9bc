import type { Page } from "@playwright/test";
import {
  availableBalance,
  expect,
  GALAXY,
  LIVE,
  type SeedOptions,
  setLocale,
  shot,
  signIn,
  test,
  uniq,
} from "./fixtures";

/**
 * A verified, funded account of the test's own, its first (campaign-priced, not refundable) order
 * already placed: later purchases are at list price, and a refund is the account's first, so R-REF-6's
 * "third refund within 30 days" does not send it to review.
 */
const FIRST_ORDER_PLACED: SeedOptions = {
  name: "E2E 退费",
  cash: "20000.00",
  apps: [{ name: "首单 First", plan: { edition: "pro", months: 1 } }],
};

/** Creates a trial app on /apps and returns its SDKAppID. */
async function createApp(page: Page, name: string): Promise<string> {
  await page.goto("/apps");
  await page.getByRole("button", { name: "创建应用" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("应用名称").fill(name);
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return page.url().split("/").pop()!;
}

/** Buys one month of Pro for the app on /buy (list price: the account has an earlier order). */
async function buyProOneMonth(page: Page, sdkAppId: string) {
  await page.goto(`/buy?app=${sdkAppId}`);
  await page.getByRole("radio", { name: /专业版/ }).click();
  await page.getByRole("radio", { name: "1 个月" }).click();
  const summary = page.getByRole("region", { name: "订单摘要" });
  await expect(summary.getByTestId("quote-total")).toHaveText("¥999.00");
  await summary.getByRole("checkbox", { name: /服务等级协议/ }).check();
  await summary.getByRole("button", { name: "立即购买" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认支付 ¥999.00" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
}

test(
  "R-REF-1, R-REF-4: a five-day refund of a new Pro plan gives everything back and the app goes " + "to disabling",
  async ({ page, seedUser }) => {
    test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
    const name = `E2E 退费 ${uniq()}`;
    await signIn(page.context(), await seedUser(FIRST_ORDER_PLACED));
    const before = await availableBalance(page);
    const sdkAppId = await createApp(page, name);
    await buyProOneMonth(page, sdkAppId);
    expect(await availableBalance(page)).toBe(before - 99_900);

    // The app page links to the refund page with the app chosen.
    await page.goto(`/apps/${sdkAppId}`);
    await page.locator("[data-slot=page-header-actions]").getByRole("link", { name: "退费" }).click();
    await expect(page).toHaveURL(new RegExp(`/refunds\\?app=${sdkAppId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("退费");
    await expect(page.getByRole("combobox", { name: "应用" })).toContainText(sdkAppId);
    await expect(page.getByRole("combobox", { name: "退费产品" })).toContainText("专业版套餐包");
    await expect(page.getByText(/退费后应用进入「即将停用」状态 7 天/)).toBeVisible();

    // Standard is the default; the five-day refund gives back everything paid.
    const preview = page.getByRole("table", { name: "退费预览" });
    await expect(preview.getByTestId("refund-line")).toHaveCount(1);
    await page.getByRole("radio", { name: /五天无理由退还/ }).check();
    await expect(preview.getByTestId("refund-total")).toHaveText("¥999.00");
    await expect(preview.getByTestId("refund-line")).toContainText("¥999.00");
    await expect(page.getByTestId("refund-summary")).toContainText("将退还 ¥999.00");

    await page.getByRole("button", { name: "申请退费" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`${name}（${sdkAppId}）`);
    await expect(confirm).toContainText("五天无理由退还");
    await expect(confirm.getByTestId("confirm-amount")).toContainText(
      /^退还 ¥999\.00 到现金 ¥[\d,.]+ \/ 赠送金 ¥[\d,.]+$/,
    );
    await confirm.getByRole("button", { name: "确认退费 ¥999.00" }).click();
    await expect(page.getByText("已退款 ¥999.00")).toBeVisible();

    const row = page.getByRole("table", { name: "退费记录" }).getByTestId("refund-row").filter({ hasText: sdkAppId });
    await expect(row).toContainText("已退款");
    await expect(row).toContainText("五天无理由退还");
    await expect(row).toContainText("¥999.00");
    // The plan is refunded: nothing is left to refund for this app.
    await expect(page.getByTestId("refund-not-eligible")).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "refunds-zh");

    expect(await availableBalance(page)).toBe(before);
    await page.goto(`/apps/${sdkAppId}`);
    await expect(page.locator("[data-status]")).toHaveText("即将停用");

    // The five-day refund is once per account: the page says so and offers the standard refund.
    const other = `E2E 退费二 ${uniq()}`;
    const second = await createApp(page, other);
    await buyProOneMonth(page, second);
    await page.goto(`/refunds?app=${second}`);
    await page.getByRole("radio", { name: /五天无理由退还/ }).check();
    await expect(page.getByTestId("refund-not-eligible")).toContainText(
      "五天无理由退还每个账号仅可使用一次，您已使用过",
    );
    await expect(page.getByRole("button", { name: "申请退费" })).toBeDisabled();
    await page.getByRole("button", { name: "改用普通退还" }).click();
    await expect(page.getByRole("radio", { name: /普通退还/ })).toBeChecked();
    await expect(page.getByRole("table", { name: "退费预览" }).getByTestId("refund-line")).toHaveCount(1);

    await setLocale(page, "en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/refunds");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refunds");
    await expect(page.getByRole("table", { name: "Refund history" })).toContainText("Refunded");
    await expect(page.getByRole("table", { name: "Refund preview" }).getByTestId("refund-line")).toHaveCount(1);
    await shot(page, "refunds-en-narrow");
  },
);

test(
  "R-REF-6: a refund of ≥ ¥10,000 waits for review; the operator rejects it with a reason and the " +
    "customer sees why",
  async ({ page, operatorPage: op, seedUser }) => {
    test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
    const reason = `E2E 驳回 ${uniq()}`;
    const c = await seedUser(GALAXY);
    await signIn(page.context(), c);
    const live = String(c.apps[LIVE]);
    await page.goto(`/refunds?app=${live}`);
    await expect(page.getByRole("radio", { name: /普通退还/ })).toBeChecked();
    // The annual ultimate plan and its group-members pack, each its own line (R-REF-4).
    await expect(page.getByRole("table", { name: "退费预览" }).getByTestId("refund-line")).toHaveCount(2);
    await expect(page.getByTestId("refund-review-note")).toContainText("退费金额 ≥ ¥10,000.00");
    await page.getByRole("button", { name: "申请退费" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("该退费需人工审核");
    await confirm.getByRole("button", { name: /^确认退费/ }).click();
    await expect(page.getByText(/^退费 R-\d{8}-\d{6,} 已提交审核/)).toBeVisible();
    const row = page
      .getByRole("table", { name: "退费记录" })
      .getByTestId("refund-row")
      .filter({ hasText: live })
      .first();
    await expect(row).toContainText("审核中");

    await op.goto("/admin");
    await op.getByRole("navigation", { name: "main" }).getByRole("link", { name: "退费审核" }).click();
    await expect(op.getByRole("heading", { level: 1 })).toHaveText("退费审核");
    const item = op.getByTestId("review-item").filter({ hasText: live });
    await expect(item).toContainText("退费金额 ≥ ¥10,000.00");
    await expect(item).toContainText(c.accountName);
    await expect(item.getByRole("region", { name: /近 30 天的退费/ })).toBeVisible();
    await shot(op, "admin-refunds-zh");

    await item.getByRole("button", { name: "通过" }).click();
    await expect(op.getByRole("alertdialog")).toContainText("按申请时计算的金额执行退款");
    await op.getByRole("alertdialog").getByRole("button", { name: "取消" }).click();

    await item.getByRole("button", { name: "驳回" }).click();
    const dialog = op.getByRole("dialog");
    await dialog.getByRole("button", { name: "驳回" }).click();
    await expect(dialog.getByText("不能为空")).toBeVisible();
    await dialog.getByLabel("驳回原因").fill(reason);
    await dialog.getByRole("button", { name: "驳回" }).click();
    await expect(op.getByText(/^退费申请 R-\d{8}-\d{6,} 已驳回$/)).toBeVisible();
    await expect(op.getByTestId("review-item").filter({ hasText: live })).toHaveCount(0);
    await op.getByRole("tab", { name: /已驳回/ }).click();
    await expect(op.getByRole("table", { name: "退费记录" })).toContainText(reason);

    await page.goto("/refunds");
    const rejected = page
      .getByRole("table", { name: "退费记录" })
      .getByTestId("refund-row")
      .filter({ hasText: reason });
    await expect(rejected).toContainText("已驳回");
    await expect(rejected).toContainText(`驳回原因：${reason}`);
  },
);

test("R-BUY-3: changing Pro to Ultimate refunds the current plan and charges the net in one step", async ({
  page,
  seedUser,
}) => {
  test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
  const name = `E2E 变更 ${uniq()}`;
  await signIn(page.context(), await seedUser(FIRST_ORDER_PLACED));
  const sdkAppId = await createApp(page, name);
  await buyProOneMonth(page, sdkAppId);

  await page.goto(`/apps/${sdkAppId}`);
  await page.locator("[data-slot=page-header-actions]").getByRole("link", { name: "变更套餐" }).click();
  await expect(page).toHaveURL(new RegExp(`/change\\?app=${sdkAppId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("变更套餐");
  await expect(page.getByTestId("current-edition")).toHaveText("专业版");

  await page.getByRole("radio", { name: /旗舰版/ }).check();
  await page.getByRole("radio", { name: "1 个月" }).check();
  const summary = page.getByRole("region", { name: "变更摘要" });
  await expect(summary.getByTestId("change-line")).toHaveCount(1);
  await expect(summary.getByTestId("change-line")).toContainText("旗舰版套餐包");
  await expect(summary.getByTestId("change-new-total")).toHaveText("¥2,999.00");
  await expect(summary.getByRole("table", { name: "退还当前套餐（普通退还）" }).getByTestId("refund-line")).toHaveCount(
    1,
  );
  await expect(summary.getByTestId("change-net")).toHaveText(/^¥2,0\d\d\.\d\d$/);

  await summary.getByRole("button", { name: "确认变更" }).click();
  await expect(summary.getByText("请先阅读并勾选同意服务等级协议。")).toBeVisible();
  await summary.getByRole("checkbox", { name: /服务等级协议/ }).check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "change-zh");

  await summary.getByRole("button", { name: "确认变更" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`${name}（${sdkAppId}）：专业版 → 旗舰版，1 个月。`);
  await expect(confirm.getByTestId("confirm-net")).toContainText(/^净支付 ¥2,0\d\d\.\d\d$/);
  await confirm.getByRole("button", { name: "确认变更" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);

  await page.goto(`/apps/${sdkAppId}`);
  await expect(page.locator("dl").first()).toContainText("旗舰版");
  await expect(page.locator("[data-status]")).toHaveText("启用");
  await page.goto("/refunds");
  const row = page.getByRole("table", { name: "退费记录" }).getByTestId("refund-row").filter({ hasText: sdkAppId });
  await expect(row).toContainText("变更套餐");
  await expect(row).toContainText("已退款");

  await setLocale(page, "en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/change?app=${sdkAppId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change plan");
  await expect(page.getByRole("region", { name: "Change summary" }).getByTestId("change-net")).toBeVisible();
  await shot(page, "change-en-narrow");
});
