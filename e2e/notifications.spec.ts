import { expect, setLocale, shot, signIn, test, v1 } from "./fixtures";

/** A fresh, unverified customer account with ¥500.00 cash. */
const NOTIFY = { name: "通知测试", verified: false, cash: "500.00" };

test("R-LIFE-6/8: balance alert threshold, bell count, inbox, mark read, alert recipients", async ({
  page,
  seedUser,
}) => {
  test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
  await signIn(page.context(), await seedUser(NOTIFY));
  await page.goto("/overview");

  // Nothing yet: no count on the bell, the inbox says what will arrive.
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("消息");
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await page.getByRole("link", { name: "消息", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("消息");
  await expect(page.getByText("还没有消息")).toBeVisible();
  await shot(page, "notifications-empty-zh");

  // Balance alert: a bad amount is refused next to the field; a threshold above the balance alerts at once.
  await page.goto("/settings");
  const alertForm = page.getByRole("form", { name: "余额预警" });
  await expect(page.getByTestId("balance-alert-current")).toContainText("当前未开启余额预警");
  await alertForm.getByLabel("预警阈值（元）").fill("1.005");
  await alertForm.getByRole("button", { name: "保存" }).click();
  await expect(alertForm.getByText("最多两位小数的金额")).toBeVisible();
  await alertForm.getByLabel("预警阈值（元）").fill("1000");
  await alertForm.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("balance-alert-current")).toContainText("当前：可用余额低于 ¥1,000.00 时提醒");
  await expect(page.getByTestId("unread-count")).toHaveText("1");
  await expect(bell).toHaveAccessibleName("消息（1 条未读）");

  // Alert recipients: add (with a field error first), remove with confirmation, add again.
  const card = page.locator("#alert-recipients");
  await expect(card.getByText("还没有告警接收人")).toBeVisible();
  await card.getByRole("button", { name: "添加接收人" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("姓名").fill("财务 王芳");
  await dialog.getByLabel("手机号").fill("12345");
  await dialog.getByRole("button", { name: "添加接收人" }).click();
  await expect(dialog.getByText("请输入 11 位手机号，或以 + 开头的国际号码")).toBeVisible();
  await dialog.getByLabel("手机号").fill("13800138000");
  await dialog.getByLabel("邮箱").fill("finance@example.com");
  await dialog.getByRole("checkbox", { name: "停服" }).check();
  await dialog.getByRole("button", { name: "添加接收人" }).click();
  await expect(dialog).toHaveCount(0);
  const row = card.getByTestId("recipient-row").filter({ hasText: "财务 王芳" });
  await expect(row).toContainText("finance@example.com");
  await expect(row).toContainText("13800138000");
  await expect(row).toContainText("余额预警");
  await expect(row).toContainText("停服");
  await row.getByRole("button", { name: "移除" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "移除" }).click();
  await expect(card.getByText("还没有告警接收人")).toBeVisible();
  await card.getByRole("button", { name: "添加接收人" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("姓名").fill("运维 李雷");
  await dialog.getByLabel("邮箱").fill("ops@example.com");
  await dialog.getByRole("button", { name: "添加接收人" }).click();
  await expect(card.getByTestId("recipient-row")).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "settings-alerts-zh");

  // The inbox: the unread balance alert, filter by kind, mark read.
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const item = page.getByTestId("notification");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toContainText("余额低于预警阈值");
  await expect(item).toContainText("当前可用余额 ¥500.00，低于您设置的预警阈值 ¥1,000.00");
  await shot(page, "notifications-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "notifications-zh-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("combobox", { name: "通知类型" }).click();
  await page.getByRole("option", { name: "账单" }).click();
  await expect(page).toHaveURL(/kind=bill_pushed/);
  await expect(page.getByText("没有符合条件的消息")).toBeVisible();
  await page.getByRole("combobox", { name: "通知类型" }).click();
  await page.getByRole("option", { name: "余额预警" }).click();
  await expect(item).toHaveCount(1);

  await item.getByRole("button", { name: "标为已读" }).click();
  await expect(item).toHaveAttribute("data-unread", "false");
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  // the filter lives in the URL: the box is checked once the filtered page has loaded
  await page.getByLabel("只看未读").click();
  await expect(page).toHaveURL(/unread=1/);
  await expect(page.getByLabel("只看未读")).toBeChecked();
  await expect(page.getByText("没有符合条件的消息")).toBeVisible();

  // English, wide and narrow.
  await setLocale(page, "en");
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expect(page.getByTestId("notification")).toContainText("Balance below your alert threshold");
  await shot(page, "notifications-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "notifications-en-390");
  await page.goto("/settings");
  await expect(page.locator("#alert-recipients").getByText("Alert recipients", { exact: true })).toBeVisible();
  await shot(page, "settings-alerts-en-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, "settings-alerts-en");
});

test("R-LIFE-6: operators see the outbox on the Jobs & delivery page", async ({
  operatorPage: page,
  request,
  seedUser,
}) => {
  // A balance alert above the balance: one notification, e-mailed to the owner through the outbox.
  const c = await seedUser(NOTIFY);
  await v1(request, c.apiKey, "put", "/account/balance-alert", { threshold: "1000.00" });
  await page.goto("/admin");
  await page.getByRole("link", { name: "任务" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("任务与投递");
  const rows = page.getByTestId("delivery-row").filter({ hasText: c.email });
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText("余额预警");
  await shot(page, "admin-jobs-zh");
  await page.getByRole("combobox", { name: "状态" }).click();
  await page.getByRole("option", { name: "失败" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await setLocale(page, "en");
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs & delivery");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "admin-jobs-en-390");
});
