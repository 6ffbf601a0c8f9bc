import { AUTH, expect, shot, test } from "./fixtures";

// The test clock is one for the whole installation: moving it changes "today" for every account.
// This spec runs in the "clock" project (playwright.config.ts), after every other spec, on one worker.
test.use({ storageState: AUTH.operator });

test("operator moves the test clock forward", async ({ page }) => {
  await page.goto("/admin/clock");
  const before = await page.getByTestId("clock-now").textContent();
  await page.getByRole("button", { name: "+1 天" }).click();
  await expect(page.getByTestId("clock-now")).not.toHaveText(before ?? "");
  await shot(page, "admin-clock-zh");
});
