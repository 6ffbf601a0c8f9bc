import { expect, type Page } from "@playwright/test";
import { DEMO } from "../db/demo";

export { DEMO };

/** The operator key the e2e server is started with (playwright.config.ts BOOTSTRAP_OPERATOR_KEY). */
export const OPERATOR_KEY = process.env.E2E_OPERATOR_KEY ?? "imo_e2e-bootstrap-operator-key";

export async function setLocale(page: Page, locale: "zh-CN" | "en") {
  await page
    .context()
    .addCookies([
      { name: "locale", value: locale, url: page.url().startsWith("http") ? page.url() : "http://127.0.0.1" },
    ]);
}

/** Logs in through the real form. */
export async function login(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** A unique suffix so every test makes its own data. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
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

/**
 * The database the e2e server uses (specs that seed or inspect rows directly): E2E_DATABASE_URL, or the
 * embedded PostgreSQL playwright.config.ts starts. Never DATABASE_URL, which CI points at the machine's
 * PostgreSQL for the unit and integration tests.
 */
export function e2eDatabaseUrl(): string {
  return (
    process.env.E2E_DATABASE_URL ||
    `postgres://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54339"}/im_billing`
  );
}
