import { expect, GALAXY, shot, signIn, test, uniq } from "./fixtures";

test("R-PROMO-3: the operator issues a voucher and the customer sees it under balance", async ({
  operatorPage: page,
  page: customer,
  seedUser,
}) => {
  const c = await seedUser(GALAXY);
  const ACCOUNT = c.accountName;
  await page.goto("/admin");
  await page.getByRole("link", { name: "代金券" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("代金券");
  const form = page.getByRole("form", { name: "发放代金券" });

  // Nothing chosen: the form says what is missing before asking anything.
  await form.getByRole("button", { name: "发放" }).click();
  await expect(form.getByRole("combobox", { name: "发放给账号" })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("请填写面额")).toBeVisible();

  await form.getByRole("combobox", { name: "发放给账号" }).click();
  await page.getByRole("option", { name: ACCOUNT }).click();
  await form.getByLabel("面额（元）").fill("88.888");
  await form.getByLabel("订单金额门槛（元，可选）").fill("300");
  await form.getByRole("button", { name: "发放" }).click();
  // Checked before any confirmation: an invalid amount is never offered for confirming.
  await expect(form.getByText("最多两位小数的金额")).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await form.getByLabel("面额（元）").fill("88.80");
  await form.getByRole("button", { name: "发放" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`将向「${ACCOUNT}」发放面额 ¥88.80 的代金券，订单满 ¥300.00 可用`);
  await confirm.getByRole("button", { name: "发放" }).click();
  await expect(page.getByText(`已向「${ACCOUNT}」发放 ¥88.80 代金券`)).toBeVisible();

  const list = page.getByRole("table", { name: "已发放的代金券" });
  const row = list.getByRole("row").filter({ hasText: "¥88.80" }).filter({ hasText: ACCOUNT });
  await expect(row).toContainText("订单满 ¥300.00");
  await expect(row).toContainText("可用");
  await page.getByRole("combobox", { name: "状态" }).click();
  await page.getByRole("option", { name: "已使用" }).click();
  await expect(list.getByRole("row").filter({ hasText: "¥88.80" })).toHaveCount(0);
  await page.getByRole("combobox", { name: "状态" }).click();
  await page.getByRole("option", { name: "全部" }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "admin-vouchers-zh");

  await signIn(customer.context(), c);
  await customer.goto("/overview");
  await customer.getByRole("link", { name: "余额与代金券" }).first().click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("余额与代金券");
  await expect(customer.getByTestId("balance-available")).toHaveText(/^¥[\d,]+\.\d{2}$/);
  const available = customer.getByRole("tabpanel", { name: /可用/ });
  await expect(available.getByRole("row").filter({ hasText: "¥88.80" })).toContainText("订单满 ¥300.00");
  await expect(customer.getByTestId("balance-chart")).toBeVisible();
  await customer.getByRole("combobox", { name: "类型" }).click();
  await customer.getByRole("option", { name: "现金充值" }).click();
  const ledger = customer.getByRole("table", { name: "收支明细" });
  await expect(ledger.getByRole("row").filter({ hasText: "Demo top-up" })).toHaveCount(1);
  await expect(ledger.getByRole("row")).toHaveCount(2);
  await customer.getByRole("combobox", { name: "类型" }).click();
  await customer.getByRole("option", { name: "全部" }).click();
  await expect(ledger.getByRole("row").filter({ hasText: "购买" }).first()).toBeVisible();
  // A full-page shot of a scrolled page draws the sticky header mid-page.
  await customer.evaluate(() => window.scrollTo(0, 0));
  await shot(customer, "balance-zh");
});

test("R-PROMO-1: the operator creates a campaign, with field errors first, and ends it", async ({
  operatorPage: page,
}) => {
  const name = `E2E 旗舰版 8 折 ${uniq()}`;
  await page.goto("/admin");
  await page.getByRole("link", { name: "活动" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("折扣活动");
  const table = page.getByRole("table", { name: "折扣活动" });
  // The two defaults of R-PROMO-1 come from a migration.
  await expect(table.getByRole("row").filter({ hasText: "首购 1 折" })).toContainText("1 折");
  await expect(table.getByRole("row").filter({ hasText: "旗舰版包年" })).toContainText("7.5 折");

  await page.getByRole("button", { name: "新建活动" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("活动名称").fill(name);
  await dialog.getByRole("checkbox", { name: "专业版" }).uncheck();
  await dialog.getByRole("checkbox", { name: "续费" }).uncheck();
  await dialog.getByLabel("最少月数").fill("12");
  await dialog.getByLabel("最多月数").fill("6");
  await dialog.getByLabel("价格系数").fill("1.5");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText("不能小于最少月数")).toBeVisible();
  await expect(dialog.getByText("必须大于 0 且小于 1")).toBeVisible();

  await dialog.getByLabel("最多月数").fill("24");
  await dialog.getByLabel("价格系数").fill("0.8");
  await expect(dialog.getByText("8 折：按原价的 80% 收费")).toBeVisible();
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(page.getByText(`已创建活动「${name}」`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("旗舰版");
  await expect(row).toContainText("12–24 个月 · 新购");
  await expect(row).toContainText("8 折");
  await expect(row).toContainText("进行中");
  await shot(page, "admin-campaigns-zh");

  await row.getByRole("button", { name: "结束活动" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(name);
  await confirm.getByRole("button", { name: "结束活动" }).click();
  await expect(row).toContainText("已结束");
  await expect(row.getByRole("button", { name: "结束活动" })).toHaveCount(0);
});
