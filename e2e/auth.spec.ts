import { AUTH, DEMO, expect, login, test } from "./fixtures";

// Login-form tests: they log in through the form on purpose (the other specs start signed in).
test.use({ locale: "en-US" });

test("no session: console pages redirect to the login page", async ({ page }) => {
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/admin/accounts");
  await expect(page).toHaveURL(/\/login$/);
});

test("wrong password shows a clear message", async ({ page, seedUser }) => {
  const c = await seedUser();
  await page.goto("/login");
  await page.locator("#email").fill(c.email);
  await page.locator("#password").fill("not-the-password");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("login-error")).toHaveText("邮箱或密码不正确。");
});

// `npm start` seeds the demo data: its logins work and land where they should.
test("operator lands on the operator console; customer on the overview; logout", async ({ page }) => {
  await login(page, DEMO.operator);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("运营概览");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  await login(page, DEMO.owner);
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("balance-available")).toHaveText(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
  // a customer cannot open operator pages
  await page.goto("/admin/accounts");
  await expect(page).toHaveURL(/\/overview$/);
});

test.describe("a member", () => {
  test.use({ storageState: AUTH.viewerMember });

  test("a member cannot manage members or API keys", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByText("只有主账号可以管理子用户、API 密钥、余额预警和告警接收人。")).toBeVisible();
    await expect(page.getByRole("button", { name: "创建密钥" })).toHaveCount(0);
  });
});
