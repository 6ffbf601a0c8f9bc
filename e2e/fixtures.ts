/**
 * The suite's `test`: Playwright's, plus
 * - `seedUser(options)`: a customer account of the test's own (e2e/seed.ts), signed in with signIn();
 * - `operatorPage`: a page of its own signed in as the operator (the setup project's saved state);
 * - `viewer`: the read-only customer account the setup project made (e2e/auth.setup.ts), for tests
 *   that only look; its owner's and member's signed-in states are AUTH.viewerOwner / AUTH.viewerMember.
 * Specs whose every test runs as one role say so with `test.use({ storageState: AUTH.… })`.
 */
import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO } from "../db/demo";
import { AUTH, e2eDatabaseUrl, OPERATOR_KEY, uniq } from "./env";
import { type Customer, type Login, type SeedOptions, seedUser, signIn } from "./seed";

export { AUTH, DEMO, e2eDatabaseUrl, expect, OPERATOR_KEY, signIn, uniq };
export { CHAT, GALAXY, LIVE, placePlan, STOPPED, TRIAL, v1 } from "./seed";
export type { Customer, Login, SeedOptions };

/** The setup project's read-only account: GALAXY plus a member, a voucher, a recipient and a bill. */
export type Viewer = Customer & { member: Login };

type TestFixtures = {
  seedUser: (options?: SeedOptions) => Promise<Customer>;
  operatorPage: Page;
};
type WorkerFixtures = { viewer: Viewer; closeDbAtEnd: void };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  seedUser: async ({ request }, use) => {
    await use((options) => seedUser(request, options));
  },
  operatorPage: async ({ browser, baseURL, viewport, locale }, use) => {
    const context = await browser.newContext({ baseURL, viewport, locale, storageState: AUTH.operator });
    await use(await context.newPage());
    await context.close();
  },
  viewer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern
    async ({}, use) => {
      await use(JSON.parse(readFileSync(AUTH.viewer, "utf8")) as Viewer);
    },
    { scope: "worker" },
  ],
  // Specs that touch rows directly (e2e/db.ts) share one pool per worker; it ends with the worker.
  closeDbAtEnd: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern
    async ({}, use) => {
      await use();
      if ((globalThis as { __imbSql?: unknown }).__imbSql) await (await import("../db/client")).closeDb();
    },
    { scope: "worker", auto: true },
  ],
});

/** The locale cookie for the whole site, whatever page (or none yet) the page is on. */
export async function setLocale(page: Page, locale: "zh-CN" | "en") {
  const url = new URL("/", test.info().project.use.baseURL ?? page.url()).toString();
  await page.context().addCookies([{ name: "locale", value: locale, url }]);
}

/** Logs in through the real form (login-form tests and the setup project; others start signed in). */
export async function login(page: Page, who: Login) {
  await page.goto("/login");
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** "¥20,000.00" → 2000000 (cents), to compare balances without floats. */
export function cents(text: string): number {
  const m = /^(-?)¥([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`not a CNY amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]!.replaceAll(",", "")) * 100 + Number(m[3]));
}

export async function availableBalance(page: Page): Promise<number> {
  await page.goto("/overview");
  return cents((await page.getByTestId("balance-available").textContent()) ?? "");
}
