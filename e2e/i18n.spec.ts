import { AUTH, expect, shot, signIn, test } from "./fixtures";

const PAGES = ["/overview", "/apps", "/settings"] as const;

test.describe("the viewer account (read only)", () => {
  test.use({ storageState: AUTH.viewerOwner });

  test("zh-CN is the default and English renders every page; narrow and wide screens", async ({ page }) => {
    await page.goto("/overview");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("概览");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shot(page, `${path.slice(1)}-en-wide`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shot(page, `${path.slice(1)}-en-narrow`);
    }
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置");
    await shot(page, "settings-zh-narrow");
  });
});

test("owner creates an API key that is shown once", async ({ page, seedUser }) => {
  await signIn(page.context(), await seedUser({ cash: "100.00" }));
  await page.goto("/settings");
  await page.getByRole("form", { name: "创建密钥" }).getByLabel("密钥名称").fill("e2e-key");
  await page.getByRole("button", { name: "创建密钥" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^imk_/);
  const key = await page.getByTestId("new-api-key").textContent();
  await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
  const res = await page.request.get("/api/v1/account", { headers: { Authorization: `Bearer ${key}` } });
  expect(res.status()).toBe(200);
  expect((await res.json()).balance.available).toMatch(/^\d+\.\d{2}$/);
  await shot(page, "settings-zh");
});
