import { AUTH, expect, signIn, shot, test, uniq } from "./fixtures";

test("customer creates an app, stops it and deletes it after typing its name", async ({ page, seedUser }) => {
  const name = `E2E 应用 ${uniq()}`;
  await signIn(page.context(), await seedUser({ cash: "1000.00" }));
  await page.goto("/overview");
  await shot(page, "overview-zh");
  await page.getByRole("link", { name: "应用" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("应用");

  await page.getByRole("button", { name: "创建应用" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("应用名称").fill("   ");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText("不能为空")).toBeVisible();
  await dialog.getByLabel("应用名称").fill(name);
  await dialog.getByRole("button", { name: "创建" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("[data-status]")).toHaveText("启用");
  const sdkAppId = page.url().split("/").pop()!;
  expect(sdkAppId).toMatch(/^\d{10}$/);
  await expect(page.getByRole("button", { name: "删除应用" })).toBeDisabled();
  await shot(page, "app-detail-zh");

  await page.getByRole("button", { name: "停用" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "停用" }).click();
  await expect(page.locator("[data-status]")).toHaveText("停用");
  await expect(page.getByRole("table", { name: "状态记录" }).getByRole("row")).toHaveCount(3);

  await page.getByRole("button", { name: "删除应用" }).click();
  const confirm = page.getByRole("alertdialog");
  const del = confirm.getByRole("button", { name: "删除" });
  await expect(del).toBeDisabled();
  await confirm.getByRole("textbox").fill("wrong name");
  await expect(del).toBeDisabled();
  await confirm.getByRole("textbox").fill(name);
  await del.click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByTestId(`app-row-${sdkAppId}`)).toHaveCount(0);
});

test.describe("the viewer account (read only)", () => {
  test.use({ storageState: AUTH.viewerOwner });

  test("the apps table searches, filters and sorts", async ({ page }) => {
    await page.goto("/apps");
    const table = page.getByRole("table", { name: "应用" });
    await page.getByPlaceholder("按名称或 SDKAppID 搜索").fill("Live Room");
    await page.getByPlaceholder("按名称或 SDKAppID 搜索").press("Enter");
    await expect(page).toHaveURL(/[?&]q=Live\+Room/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await page.getByRole("button", { name: "清除搜索" }).click();
    // the status filter keeps the URL's other parameters: wait until the search is gone from it
    await expect(page).not.toHaveURL(/[?&]q=/);
    await page.getByRole("combobox", { name: "状态" }).click();
    await page.getByRole("option", { name: "停用", exact: true }).click();
    await expect(page).toHaveURL(/[?&]status=stopped/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Legacy Support");
    await page.getByRole("link", { name: "清除筛选" }).click();
    await expect(page).not.toHaveURL(/[?&]status=/);
    await table.getByRole("link", { name: /应用名称/ }).click();
    await expect(table.getByRole("columnheader", { name: /应用名称/ })).toHaveAttribute("aria-sort", "ascending");
    await shot(page, "apps-zh");
  });
});
