import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { AUTH, expect, setLocale, test } from "./fixtures";
import { PAGES, pagesOnDisk } from "./pages";

/** Who opens each kind of page: nobody, the viewer account's owner, the operator (e2e/auth.setup.ts). */
const SIGNED_IN = { public: undefined, customer: AUTH.viewerOwner, operator: AUTH.operator } as const;

/**
 * Issue 9: every page of the console (e2e/pages.ts, checked against app/**\/page.tsx) has no
 * serious or critical axe-core violation (WCAG 2.1 A/AA rules), in both languages.
 */
test.setTimeout(240_000);

async function check(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first(), path).toBeVisible();
  // Measure the settled page: a colour transition caught half-way (a button enabled as a preview
  // arrives) is not what a reader sees.
  await page.waitForLoadState("networkidle");
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.failureSummary?.slice(0, 300)}`)
          .join(" | ")}`,
    );
  expect.soft(bad, path).toEqual([]);
}

test("every page on disk is in the a11y page list", () => {
  expect(pagesOnDisk().sort()).toEqual(PAGES.map((p) => p.route).sort());
});

for (const locale of ["zh-CN", "en"] as const) {
  for (const who of ["public", "customer", "operator"] as const) {
    test.describe(() => {
      if (SIGNED_IN[who]) test.use({ storageState: SIGNED_IN[who] });

      test(`${who} pages have no serious or critical accessibility violation (${locale})`, async ({ page }) => {
        await setLocale(page, locale);
        for (const spec of PAGES.filter((p) => p.who === who)) {
          const path = typeof spec.path === "string" ? spec.path : await spec.path(page);
          await check(page, path);
        }
      });
    });
  }
}

test.describe(() => {
  test.use({ storageState: AUTH.viewerOwner });

  test("the app picker combobox has no violation while open", async ({ page }) => {
    await page.goto("/buy");
    await page.getByRole("combobox", { name: "应用" }).click();
    await expect(page.getByRole("listbox")).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
      [],
    );
  });
});
