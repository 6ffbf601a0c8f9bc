import type { APIRequestContext, Page } from "@playwright/test";
import { expect, OPERATOR_KEY, setLocale, shot, signIn, test, uniq, v1 as api } from "./fixtures";

// Issue 9, lists: the apps list, the operator's accounts list and audit log page on the server with
// search and filters in the URL; the buy page's app picker is a searchable combobox. Each test
// makes its own customer through the operator API.

/** A verified, funded customer with `n` trial apps named "App 001" … and one pro app "Paid 旗舰". */
async function customerWithApps(request: APIRequestContext, n: number) {
  const id = uniq();
  const owner = { email: `lists-${id}@example.com`, password: "lists-e2e-pass-1" };
  const name = `E2E 列表 ${id}`;
  const { account, apiKey } = await api(request, OPERATOR_KEY, "post", "/admin/accounts", {
    name,
    ownerEmail: owner.email,
    ownerPassword: owner.password,
  });
  await api(request, OPERATOR_KEY, "post", `/admin/accounts/${account.id}/verify`);
  await api(request, OPERATOR_KEY, "post", `/admin/accounts/${account.id}/topups`, {
    cash: "50000.00",
    note: "e2e lists",
  });
  const ids: number[] = [];
  for (let i = 1; i <= n; i++)
    ids.push((await api(request, apiKey, "post", "/apps", { name: `App ${String(i).padStart(3, "0")}` })).sdkAppId);
  const paid = await api(request, apiKey, "post", "/apps", { name: "Paid 旗舰" });
  await api(
    request,
    apiKey,
    "post",
    "/orders",
    { type: "plan", sdkAppId: paid.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
    { "Idempotency-Key": `lists-${id}` },
  );
  return { owner, accountId: account.id as string, accountName: name, apiKey, ids, paidId: paid.sdkAppId as number };
}

const rows = (page: Page) => page.getByRole("table").first().locator("tbody tr");

test(
  "apps list: 60 apps page on the server, with the count, search and filters in the URL and the " +
    "back button (zh, 390 px)",
  async ({ page, request }) => {
    test.setTimeout(180_000);
    const c = await customerWithApps(request, 60);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page.context(), c.owner);
    await page.goto("/apps");
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByTestId("list-count")).toHaveText("第 1–25 条，共 61 条");
    await shot(page, "lists-apps-zh-narrow");

    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/\/apps\?page=2$/);
    await expect(page.getByTestId("list-count")).toHaveText("第 26–50 条，共 61 条");
    await page.goBack();
    await expect(page).toHaveURL(/\/apps$/);
    await expect(page.getByTestId("list-count")).toHaveText("第 1–25 条，共 61 条");

    // Search narrows on the server; the URL can be shared and reloaded.
    await page.getByPlaceholder("按名称或 SDKAppID 搜索").fill("App 04");
    await page.getByPlaceholder("按名称或 SDKAppID 搜索").press("Enter");
    await expect(page).toHaveURL(/q=App\+04/);
    await expect(rows(page)).toHaveCount(10);
    await page.reload();
    await expect(rows(page)).toHaveCount(10);
    await expect(page.getByPlaceholder("按名称或 SDKAppID 搜索")).toHaveValue("App 04");

    // Filter by edition from the URL, sorted by name descending.
    await page.goto("/apps?edition=pro");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("Paid 旗舰");
    await page.goto("/apps?sort=name&dir=desc&size=50");
    await expect(rows(page).first()).toContainText("Paid 旗舰");
    await expect(rows(page).nth(1)).toContainText("App 060");
    await expect(page.getByRole("columnheader", { name: /应用名称/ })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByTestId("list-count")).toHaveText("第 1–50 条，共 61 条");
  },
);

test("apps list in English at 390 px, and the empty search says nothing matches", async ({ page, request }) => {
  const c = await customerWithApps(request, 30);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page.context(), c.owner);
  await setLocale(page, "en");
  await page.goto("/apps?page=2");
  await expect(page.getByTestId("list-count")).toHaveText("26–31 of 31");
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await shot(page, "lists-apps-en-narrow");
  await page.goto("/apps?q=nothing-like-this");
  await expect(
    page.getByText("没有符合筛选条件的记录。").or(page.getByText(/No records match|Nothing matches/)),
  ).toBeVisible();
});

test(
  "buy: the app picker is a searchable, keyboard-driven combobox with nothing preselected; ?app= " + "still preselects",
  async ({ page, request }) => {
    const c = await customerWithApps(request, 40);
    await signIn(page.context(), c.owner);
    await page.goto("/buy");
    const picker = page.getByRole("combobox", { name: "应用" });
    await expect(picker).toHaveText(/选择要购买的应用/);
    await expect(page.getByTestId("buy-app-facts")).toHaveCount(0);
    await picker.click();
    const search = page.getByRole("combobox", { name: "按名称或 SDKAppID 搜索" });
    await expect(search).toBeFocused();
    await expect(page.getByRole("option")).toHaveCount(41);
    await search.fill("app 03");
    await expect(page.getByRole("option")).toHaveCount(10);
    await search.press("ArrowDown");
    await search.press("ArrowDown");
    await search.press("Enter");
    await expect(picker).toContainText("App 037"); // newest first: 039, 038, 037
    await expect(page.getByRole("region", { name: "订单摘要" }).getByTestId("summary-app")).toContainText("App 037");
    await shot(page, "lists-buy-picker-zh");

    await page.goto(`/buy?app=${c.paidId}`);
    await expect(page.getByRole("combobox", { name: "应用" })).toContainText("Paid 旗舰");

    await setLocale(page, "en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/buy");
    await page.getByRole("combobox", { name: "App", exact: true }).click();
    await page.getByRole("combobox", { name: "Search by name or SDKAppID" }).fill(String(c.ids[4]));
    await expect(page.getByRole("option")).toHaveCount(1);
    await shot(page, "lists-buy-picker-en-narrow");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox", { name: "App", exact: true })).toContainText("App 005");
  },
);

test(
  "operator: accounts list pages and searches on the server; audit log shows names, labels and " +
    "filters (zh and en)",
  async ({ operatorPage: page, request }) => {
    test.setTimeout(120_000);
    const c = await customerWithApps(request, 2);
    await page.goto("/admin/accounts?size=25");
    await expect(page.getByTestId("list-count")).toContainText("第 1–");
    await page.getByPlaceholder("按名称、邮箱或 ID 搜索").fill(c.owner.email);
    await page.getByPlaceholder("按名称、邮箱或 ID 搜索").press("Enter");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(c.accountName);
    await expect(rows(page).first()).toContainText("3");

    // Audit log filtered to this account: people's names, actions in Chinese, money as ¥.
    await page.goto(`/admin/audit?account=${c.accountId}`);
    const audit = page.getByTestId("audit-row");
    await expect(audit.first()).toBeVisible();
    await expect(page.getByRole("table")).not.toContainText("user:");
    await expect(page.getByRole("table")).not.toContainText("operator:");
    await expect(page.getByTestId("audit-action").filter({ hasText: "充值 / 赠送" })).toHaveCount(1);
    await expect(audit.filter({ hasText: "充值 / 赠送" })).toContainText("¥50,000.00");
    // Apps were made with the account's API key: the key is named, not its id.
    await expect(audit.filter({ hasText: "创建应用" }).first().getByTestId("audit-actor")).toContainText(
      "API 密钥：default",
    );
    // This spec verified the account with the bootstrap operator key.
    await expect(audit.filter({ hasText: "实名认证" }).getByTestId("audit-actor")).toContainText("API 密钥：bootstrap");

    // Action filter (a select) and a date range that excludes everything.
    await page.getByRole("combobox", { name: "操作", exact: true }).click();
    await page.getByRole("option", { name: "创建应用" }).click();
    await expect(page).toHaveURL(/action=app\.create/);
    await expect(audit).toHaveCount(3);
    await page.getByLabel("至").fill("2000-01-01");
    await expect(page).toHaveURL(/to=2000-01-01/);
    await expect(page.getByText("没有符合筛选条件的审计记录。")).toBeVisible();
    await page.goBack();
    await expect(audit).toHaveCount(3);
    await shot(page, "lists-audit-zh");

    // The account filter is a searchable combobox.
    await page.goto("/admin/audit");
    await page.getByRole("combobox", { name: "账号" }).click();
    await page.getByRole("combobox", { name: "在账号中搜索" }).fill(c.accountName);
    await page.getByRole("option", { name: c.accountName }).click();
    await expect(page).toHaveURL(new RegExp(`account=${c.accountId}`));

    await setLocale(page, "en");
    await page.goto(`/admin/audit?account=${c.accountId}`);
    await expect(page.getByTestId("audit-action").filter({ hasText: "Top-up / grant" })).toHaveCount(1);
    await expect(page.getByTestId("audit-action").filter({ hasText: "App created" })).toHaveCount(3);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "lists-audit-en-narrow");
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, "lists-audit-en");
  },
);
