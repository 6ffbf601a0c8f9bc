import { AUTH, expect, GALAXY, shot, test, uniq } from "./fixtures";

test.use({ storageState: AUTH.operator });

test("operator creates an account, verifies it and tops it up", async ({ page }) => {
  const id = uniq();
  await page.goto("/admin");
  await page.getByRole("link", { name: "账号" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("账号");
  await shot(page, "admin-accounts-zh");

  await page.getByRole("button", { name: "创建账号" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("账号名称").fill(`E2E 公司 ${id}`);
  await dialog.getByLabel("主账号邮箱").fill(`e2e-${id}@example.com`);
  await dialog.getByLabel("主账号初始密码").fill("short");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText("至少 8 个字符")).toBeVisible();
  await dialog.getByLabel("主账号初始密码").fill("e2e-password-1");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText(/^imk_/)).toBeVisible();
  await dialog.getByRole("button", { name: "关闭" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`E2E 公司 ${id}`);

  await page.getByRole("button", { name: "完成实名认证" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "完成实名认证" }).click();
  await expect(page.getByText("已认证", { exact: true })).toBeVisible();

  const form = page.getByRole("form", { name: "充值 / 赠送" });
  await form.getByLabel("现金充值（元）").fill("1.005");
  await form.getByLabel("备注").fill("bank transfer");
  await form.getByRole("button", { name: "入账" }).click();
  // Checked before any confirmation: an invalid amount is never offered for confirming.
  await expect(form.getByText("最多两位小数的金额")).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByTestId("account-available")).toHaveText("¥0.00");

  await form.getByLabel("现金充值（元）").fill("1000.00");
  await form.getByLabel("赠送金（元）").fill("50.50");
  await form.getByRole("button", { name: "入账" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("现金 ¥1,000.00，赠送金 ¥50.50");
  await page.getByRole("alertdialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("account-available")).toHaveText("¥1,050.50");
  await expect(page.getByTestId("account-cash")).toHaveText("¥1,000.00");
  await expect(page.getByTestId("account-gift")).toHaveText("¥50.50");
  await expect(page.getByRole("table", { name: "资金流水" }).getByRole("row")).toHaveCount(3);
  await shot(page, "admin-account-zh");

  await page.getByRole("link", { name: "审计" }).first().click();
  // the action in words, not account.topup
  await expect(page.getByRole("table", { name: "审计日志" })).toContainText("充值 / 赠送");
  await shot(page, "admin-audit-zh");
});

test("operator sees an account's orders and refunds on its page", async ({ page, seedUser }) => {
  const c = await seedUser(GALAXY);
  await page.goto(`/admin/accounts?q=${encodeURIComponent(c.email)}`);
  await page.getByRole("link", { name: c.accountName }).first().click();
  const orders = page.getByRole("table", { name: "订单" });
  // GALAXY's two plan orders, both new purchases
  const placed = orders.getByRole("row").filter({ hasText: /O-\d{8}-\d{6,}/ });
  await expect(placed).toHaveCount(2);
  await expect(placed.first()).toContainText("新购");
  await expect(placed.last()).toContainText("新购");
  // nothing refunded on this account
  await expect(page.getByText("该账号还没有退费。")).toBeVisible();
  await shot(page, "admin-account-history-zh");
});
