import { AUTH, expect, shot, test } from "./fixtures";

test.describe("the API reference (issue 10 §2)", () => {
  test.use({ storageState: AUTH.viewerOwner });

  test("lists every operation from the OpenAPI document, in zh-CN and English, narrow and wide", async ({ page }) => {
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API 参考");
    const customer = page.getByRole("table", { name: "账号密钥" });
    await expect(customer.getByRole("row").filter({ hasText: "/orders" }).first()).toContainText("POST");
    await shot(page, "api-docs-zh-wide");

    // The page and the document come from the same schemas: every documented path has a row.
    const doc = await (await page.request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.values(doc.paths as Record<string, Record<string, unknown>>).flatMap(Object.keys);
    expect(operations.length).toBeGreaterThan(20);
    await expect(page.locator("tbody tr")).toHaveCount(operations.length);

    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");
    await page.setViewportSize({ width: 390, height: 844 });
    // Narrow: each operation is a stacked item instead of a table row that scrolls sideways.
    await expect(page.getByRole("table", { name: "Account key" })).toBeHidden();
    const list = page.getByRole("list", { name: "Account key" });
    await expect(list).toBeVisible();
    await expect(list.locator(":scope > li").filter({ hasText: "/orders" }).first()).toContainText("POST");
    await shot(page, "api-docs-en-narrow");
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API 参考");
  });
});
