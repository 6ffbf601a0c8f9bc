/**
 * The setup project: logs each role in once through the form and saves the signed-in state for the
 * specs (e2e/.auth/, not committed). The operator is the seeded demo operator; the customer roles
 * belong to a "viewer" account made here, which tests may look at but never change (a test that
 * changes an account seeds its own with the seedUser fixture).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { bills } from "../db/schema";
import { e2eDb } from "./db";
import {
  AUTH,
  DEMO,
  expect,
  GALAXY,
  LIVE,
  login,
  OPERATOR_KEY,
  test as setup,
  uniq,
  v1,
  type Viewer,
} from "./fixtures";
import { seedUser } from "./seed";

setup("the operator logs in", async ({ page }) => {
  await login(page, DEMO.operator);
  await expect(page).toHaveURL(/\/admin$/);
  await page.context().storageState({ path: AUTH.operator });
});

setup("the viewer account: its owner and member log in", async ({ page, request, browser, baseURL }) => {
  const c = await seedUser(request, { ...GALAXY, name: "只读 Viewer" });
  // What else the demo seed gives its account: a voucher, a finance contact, a feature application.
  const { now } = await v1(request, OPERATOR_KEY, "get", "/admin/clock");
  await v1(request, OPERATOR_KEY, "post", "/admin/vouchers", {
    accountId: c.accountId,
    amount: "200.00",
    minTotal: "500.00",
    expiresAt: new Date(Date.parse(now) + 90 * 86_400_000).toISOString(),
  });
  await v1(request, c.apiKey, "post", "/alert-recipients", {
    name: "财务 Finance",
    email: "finance@galaxy-tech.example",
    phone: "13800138000",
    kinds: ["bill_pushed", "arrears", "balance_alert", "auto_renew_failed"],
  });
  await v1(request, c.apiKey, "post", `/apps/${c.apps[LIVE]}/features`, { feature: "communities" });
  // A bill of a past month (deducted, so no job acts on it and the balance is untouched): no API makes one.
  const at = new Date("2025-02-01T00:00:00+08:00");
  await (await e2eDb()).insert(bills).values({
    accountId: c.accountId,
    month: "2025-01",
    status: "deducted",
    total: "0.00",
    paidGift: "0.00",
    paidCash: "0.00",
    priceBookVersion: "2026-01",
    pushedAt: at,
    deductedAt: at,
  });

  await login(page, c);
  await page.context().storageState({ path: AUTH.viewerOwner });
  const member = { email: `member-${uniq()}@example.com`, password: `member-pass-${uniq()}` };
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "添加子用户" });
  await form.getByLabel("姓名").fill("李雷 Li Lei");
  await form.getByLabel("邮箱").fill(member.email);
  await form.getByLabel("初始密码").fill(member.password);
  await form.getByRole("button", { name: "添加子用户" }).click();
  await expect(page.getByText(`已添加子用户 ${member.email}`)).toBeVisible();

  const context = await browser.newContext({ baseURL });
  const memberPage = await context.newPage();
  await login(memberPage, member);
  await context.storageState({ path: AUTH.viewerMember });
  await context.close();

  const viewer: Viewer = { ...c, member };
  mkdirSync(dirname(AUTH.viewer), { recursive: true });
  writeFileSync(AUTH.viewer, JSON.stringify(viewer, null, 2));
});
