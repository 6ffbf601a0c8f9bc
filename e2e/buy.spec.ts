import { AUTH, availableBalance, CHAT, expect, setLocale, shot, signIn, test, uniq } from "./fixtures";

test("owner buys Pro with a security pack for a new app, lands on the receipt, and the app and balance follow", async ({
  page,
  seedUser,
}) => {
  const name = `E2E 购买 ${uniq()}`;
  const c = await seedUser({ cash: "20000.00", apps: [{ name: "首单 First", plan: { edition: "pro", months: 1 } }] });
  await signIn(page.context(), c);
  const before = await availableBalance(page);

  // Create the app inline on the purchase page.
  await page.getByRole("link", { name: "购买" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("购买");
  await page.getByRole("button", { name: "新建应用" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("应用名称").fill(name);
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/buy\?app=\d{10}$/);
  const sdkAppId = new URL(page.url()).searchParams.get("app")!;

  // A fresh page view preselects the app from ?app=.
  await page.goto(`/buy?app=${sdkAppId}`);
  const summary = page.getByRole("region", { name: "订单摘要" });
  await expect(summary.getByTestId("summary-app")).toHaveText(`为应用 ${name}（${sdkAppId}）购买：`);
  await expect(page.getByText("体验版应用可购买专业版或旗舰版")).toBeVisible();

  // Ultimate includes unlimited live groups: the pack is not offered and says why.
  await page.getByRole("radio", { name: /旗舰版/ }).click();
  await expect(page.getByRole("checkbox", { name: "直播群数量不限" })).toBeDisabled();
  await expect(page.getByText("旗舰版已包含直播群数量不限，无需购买。")).toBeVisible();

  await page.getByRole("radio", { name: /专业版/ }).click();
  await expect(page.getByRole("radio", { name: /专业版/ })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("checkbox", { name: "安全打击高级版" }).check();
  await page.getByRole("radio", { name: "1 个月" }).click();
  await page.getByRole("checkbox", { name: "到期自动续费" }).check();

  // The account already has a paid order, so no first-purchase campaign: list prices.
  const lines = summary.getByTestId("quote-line");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText("专业版套餐包");
  await expect(lines.nth(0)).toContainText("¥999.00");
  await expect(lines.nth(1)).toContainText("安全打击高级版");
  await expect(lines.nth(1)).toContainText("¥1,000.00");
  await expect(summary.getByTestId("quote-total")).toHaveText("¥1,999.00");

  // Buying without the SLA box says what to do.
  await summary.getByRole("button", { name: "立即购买" }).click();
  await expect(summary.getByText("请先阅读并勾选同意服务等级协议。")).toBeVisible();
  await summary.getByRole("checkbox", { name: /服务等级协议/ }).check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "buy-zh");

  await summary.getByRole("button", { name: "立即购买" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`${name}（${sdkAppId}）`);
  await confirm.getByRole("button", { name: "确认支付 ¥1,999.00" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("订单已支付");
  await expect(page.getByTestId("receipt-total")).toHaveText("¥1,999.00");
  await expect(page.getByRole("table", { name: "订单明细" }).getByTestId("order-line")).toHaveCount(2);
  await shot(page, "receipt-zh");

  await page.getByRole("link", { name: `查看应用 ${sdkAppId}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const facts = page.locator("dl").first();
  await expect(facts).toContainText("专业版");
  await expect(facts).toContainText(/到期时间\s*\d{4}-\d{2}-\d{2}/);

  expect(await availableBalance(page)).toBe(before - 199_900);

  await page.getByRole("link", { name: "订单" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("订单");
  const orders = page.getByRole("table", { name: "订单" });
  const row = orders.getByRole("row").filter({ hasText: sdkAppId });
  await expect(row).toContainText("¥1,999.00");
  await row.getByRole("button", { name: "展开明细" }).click();
  await expect(orders.getByRole("table", { name: /订单明细/ })).toContainText("安全打击高级版");
  await shot(page, "orders-zh");
});

test.describe("the viewer account (read only)", () => {
  test.use({ storageState: AUTH.viewerOwner });

  test("a paid app with a valid term is offered packs alone; English on a narrow screen", async ({ page }) => {
    await page.goto("/apps");
    const chat = page.getByRole("row").filter({ hasText: CHAT });
    const chatId = (await chat.locator("td").nth(1).textContent())!.trim();
    await page.goto(`/buy?app=${chatId}`);
    await expect(page.getByText(/该应用已开通专业版，有效期至 \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(page.getByRole("radio", { name: /旗舰版/ })).toHaveCount(0);
    await expect(page.getByRole("radio", { name: "安全打击高级版" })).toBeDisabled();
    await page.getByRole("radio", { name: "群成员数扩展" }).check();
    const summary = page.getByRole("region", { name: "订单摘要" });
    const line = summary.getByTestId("quote-line");
    await expect(line).toContainText("群成员数扩展 · 每群 2,000 人");
    await expect(line).toContainText("¥500.00/月");
    await shot(page, "buy-pack-zh");

    await setLocale(page, "en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/buy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buy");
    await page.getByRole("combobox", { name: "App" }).click();
    await page.getByRole("option", { name: /Spring Campaign/ }).click();
    await page.getByRole("radio", { name: /Ultimate/ }).click();
    await page.getByRole("radio", { name: "1 year" }).click();
    await expect(page.getByRole("region", { name: "Order summary" }).getByTestId("quote-total")).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "buy-en-narrow");
  });
});

test("an unverified account sees the refusal inline and cannot pay", async ({ page, seedUser }) => {
  await signIn(page.context(), await seedUser({ verified: false }));
  await page.goto("/buy");
  await expect(page.getByText("还没有可购买的应用")).toBeVisible();
  await page.getByRole("button", { name: "新建应用" }).click();
  await page.getByRole("dialog").getByLabel("应用名称").fill(`E2E ${uniq()}`);
  await page.getByRole("dialog").getByRole("button", { name: "创建" }).click();
  const summary = page.getByRole("region", { name: "订单摘要" });
  await expect(summary.getByTestId("quote-refused")).toContainText("购买需要先完成实名认证");
  await expect(summary.getByRole("button", { name: "立即购买" })).toBeDisabled();
});

test.describe("the viewer's member (read only)", () => {
  test.use({ storageState: AUTH.viewerMember });

  test("a member is told that campaign prices are for the owner only", async ({ page }) => {
    await page.goto("/buy");
    const summary = page.getByRole("region", { name: "订单摘要" });
    await expect(summary.getByText("活动价仅适用于主账号下单")).toBeVisible();
  });
});
