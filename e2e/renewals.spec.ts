import { AUTH, CHAT, expect, GALAXY, LIVE, setLocale, shot, signIn, test } from "./fixtures";

// GALAXY (e2e/seed.ts) has the demo owner's two paid apps: Galaxy Chat (pro + security pack, auto-renew
// on) and Live Room (ultimate annual + group members pack). Tests that renew seed their own.

test("R-LIFE-2: the owner renews two apps in one batch and pays one order", async ({ page, seedUser }) => {
  await signIn(page.context(), await seedUser(GALAXY));
  await page.goto("/overview");
  await page.getByRole("link", { name: "续费管理" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("续费管理");
  const table = page.getByRole("table", { name: "续费管理" });
  const chat = table.getByRole("row").filter({ hasText: CHAT });
  const live = table.getByRole("row").filter({ hasText: LIVE });
  await expect(chat.getByTestId("expiry-day")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  const chatBefore = await chat.getByTestId("expiry-day").textContent();
  const liveBefore = await live.getByTestId("expiry-day").textContent();
  // Trial apps have nothing to renew and are not listed.
  await expect(table).not.toContainText("Spring Campaign");

  // Filters: nothing of the seed expires within 7 days.
  await page.getByRole("combobox", { name: "到期范围" }).click();
  await page.getByRole("option", { name: "7 天内到期" }).click();
  await expect(table.getByText("没有符合筛选条件的记录。")).toBeVisible();
  await page.getByRole("button", { name: "清除筛选" }).click();
  await expect(chat).toBeVisible();
  await shot(page, "renewals-zh");

  await expect(page.getByRole("button", { name: "批量续费" })).toBeDisabled();
  await chat.getByRole("checkbox", { name: `选择 ${CHAT}` }).check();
  await live.getByRole("checkbox", { name: `选择 ${LIVE}` }).check();
  await expect(page.getByText("已选 2 个")).toBeVisible();
  await page.getByRole("button", { name: "批量续费" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText("批量续费 2 个应用");
  // "Other" takes 1–24 only.
  await dialog.getByRole("button", { name: "其他" }).click();
  await dialog.getByLabel("月数").fill("30");
  await expect(dialog.getByText("请选择 1–24 个月的续费时长。")).toBeVisible();
  await dialog.getByRole("button", { name: "1 个月" }).click();
  await expect(dialog.getByRole("button", { name: "1 个月" })).toHaveAttribute("aria-pressed", "true");

  // The server quotes each app's plan and its packs with the new period.
  const lines = dialog.getByRole("table", { name: "订单明细" });
  await expect(lines.getByRole("rowgroup").filter({ hasText: CHAT }).getByTestId("renew-line")).toHaveCount(2);
  await expect(lines.getByRole("rowgroup").filter({ hasText: LIVE }).getByTestId("renew-line")).toHaveCount(2);
  await expect(lines).toContainText("专业版套餐包");
  await expect(lines).toContainText("旗舰版套餐包");
  const total = (await dialog.getByTestId("renew-total").textContent())!;
  expect(total).toMatch(/^¥[\d,]+\.\d{2}$/);

  const pay = dialog.getByRole("button", { name: `确认续费并支付 ${total}` });
  await expect(pay).toBeDisabled();
  await dialog.getByRole("checkbox", { name: /服务等级协议/ }).check();
  await expect(pay).toBeEnabled();
  await shot(page, "renewals-dialog-zh");
  await pay.click();

  const toast = page.getByText(/已续费 2 个应用（订单 O-\d{8}-\d{6,}），支付/);
  await expect(toast).toBeVisible();
  await expect(page.getByRole("link", { name: "查看订单" })).toHaveAttribute("href", /^\/orders\/[0-9a-f-]{36}$/);
  const orderHref = await page.getByRole("link", { name: "查看订单" }).getAttribute("href");
  await expect(dialog).toBeHidden();
  await expect(chat.getByTestId("expiry-day")).not.toHaveText(chatBefore!);
  await expect(live.getByTestId("expiry-day")).not.toHaveText(liveBefore!);

  // One payment: exactly one new purchase row in the ledger, for the whole total, linked to that order.
  await page.getByRole("link", { name: "余额与代金券" }).first().click();
  const ledger = page.getByRole("table", { name: "收支明细" });
  const newest = ledger.getByRole("row").nth(1);
  await expect(newest).toContainText("购买");
  await expect(newest).toContainText(`-${total}`);
  await expect(newest.getByRole("link")).toHaveAttribute("href", orderHref!);
  await expect(ledger.locator(`a[href="${orderHref}"]`)).toHaveCount(1);
});

test("R-LIFE-2: auto-renew switch and don't renew", async ({ page, seedUser }) => {
  await signIn(page.context(), await seedUser(GALAXY));
  await page.goto("/renewals");
  const live = page.getByRole("table", { name: "续费管理" }).getByRole("row").filter({ hasText: LIVE });
  const sw = live.getByRole("switch", { name: `自动续费：${LIVE}` });
  await expect(sw).toHaveAttribute("aria-checked", "false");
  await sw.click();
  await expect(page.getByText("已开启自动续费")).toBeVisible();
  await expect(sw).toHaveAttribute("aria-checked", "true");

  await live.getByRole("button", { name: "不续费" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("关闭该应用的自动续费");
  await confirm.getByRole("button", { name: "不续费" }).click();
  await expect(live.getByText("不续费", { exact: true })).toBeVisible();
  await expect(sw).toHaveAttribute("aria-checked", "false");
  await live.getByRole("button", { name: `撤销不续费：${LIVE}` }).click();
  await expect(live.getByRole("button", { name: "不续费", exact: true })).toBeVisible();
  await expect(live.getByText("撤销不续费")).toHaveCount(0);
});

test.describe("the viewer account (read only)", () => {
  test.use({ storageState: AUTH.viewerOwner });

  test("renewals in English on a narrow screen; the app page's renew link opens the dialog", async ({ page }) => {
    await setLocale(page, "en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/renewals");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renewals");
    // Narrow screens get cards instead of a table that would scroll sideways.
    const card = page.getByRole("list", { name: "Renewals" }).getByRole("listitem", { name: CHAT });
    await expect(card.getByRole("switch", { name: `Auto-renew: ${CHAT}` })).toBeVisible();
    await expect(card.getByRole("button", { name: `Renew ${CHAT}` })).toBeVisible();
    await shot(page, "renewals-en-narrow");

    const id = (await card.locator(".font-mono").textContent())!.trim();
    await page.goto(`/renewals?app=${id}`);
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading")).toHaveText(`Renew "${CHAT}"`);
    await expect(dialog.getByTestId("renew-total")).toHaveText(/^¥/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });
});

test("R-LIFE-2: the owner moves two apps to one expiry day of the month", async ({ page, seedUser }) => {
  await signIn(page.context(), await seedUser(GALAXY));
  await page.goto("/renewals");
  const table = page.getByRole("table", { name: "续费管理" });
  const chat = table.getByRole("row").filter({ hasText: CHAT });
  const live = table.getByRole("row").filter({ hasText: LIVE });
  await chat.getByRole("checkbox", { name: `选择 ${CHAT}` }).check();
  await live.getByRole("checkbox", { name: `选择 ${LIVE}` }).check();
  await page.getByRole("button", { name: "统一到期日" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText("统一到期日（2 个应用）");
  await dialog.getByRole("combobox", { name: "每月到期日" }).click();
  await page.getByRole("option", { name: "每月 15 日", exact: true }).click();
  const total = dialog.getByTestId("renew-total");
  await expect(total).toHaveText(/^¥[\d,]+\.\d{2}$/);
  await dialog.getByRole("checkbox", { name: /服务等级协议/ }).check();
  await shot(page, "renewals-align-zh");
  await dialog.getByRole("button", { name: /确认续费并支付/ }).click();
  await expect(dialog).toBeHidden();
  await expect(chat.getByTestId("expiry-day")).toHaveText(/-15$/);
  await expect(live.getByTestId("expiry-day")).toHaveText(/-15$/);
});
