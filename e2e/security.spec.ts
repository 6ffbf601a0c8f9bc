import type { Page } from "@playwright/test";
import { AUTH, expect, login, test, uniq } from "./fixtures";
import { PAGES, pagesOnDisk } from "./pages";

/** Who opens each kind of page: nobody, the viewer account's owner, the operator (e2e/auth.setup.ts). */
const SIGNED_IN = { public: undefined, customer: AUTH.viewerOwner, operator: AUTH.operator } as const;

/**
 * Issue 8: every page loads under its Content-Security-Policy with no violation, and carries the
 * security headers. The page list (e2e/pages.ts) is checked against app/**\/page.tsx, so a new page
 * must be added there.
 */
test.use({ locale: "en-US" });

/** Records CSP violations in the page (before any of its scripts run). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("every page on disk is in the CSP page list", () => {
  expect(pagesOnDisk().sort()).toEqual(PAGES.map((p) => p.route).sort());
});

for (const who of ["public", "customer", "operator"] as const) {
  test.describe(() => {
    if (SIGNED_IN[who]) test.use({ storageState: SIGNED_IN[who] });

    test(`${who} pages load under the CSP with no violation and carry the security headers`, async ({ page }) => {
      const specs = PAGES.filter((p) => p.who === who);
      // Each page waits for the network to settle (its link prefetches too): a budget per page, not one for all.
      test.setTimeout(15_000 * specs.length);
      const violations = await watchCsp(page);
      for (const spec of specs) {
        const path = typeof spec.path === "string" ? spec.path : await spec.path(page);
        const res = await page.goto(path);
        expect(res, path).not.toBeNull();
        const h = res!.headers();
        expect(h["content-security-policy"], path).toMatch(
          /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
        );
        expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
        expect(h["x-content-type-options"], path).toBe("nosniff");
        expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
        await expect(page.locator("h1").first(), path).toBeVisible();
        // scripts ran (React hydrated): the page's buttons respond; a blocked script would leave them dead
        await page.waitForLoadState("networkidle");
        expect(violations, path).toEqual([]);
      }
    });
  });
}

test("API answers carry nosniff and a deny-all CSP; an unknown API path is a JSON 404", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
  const missing = await request.get("/api/v1/no/such/path");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toMatch(/application\/json/);
  expect((await missing.json()).error.code).toBe("not_found");
  const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});

test("login throttling over HTTP: after 5 wrong passwords the next attempt is 429 with Retry-After", async ({
  request,
}) => {
  const email = `ghost-${uniq()}@nowhere.example`;
  const attempt = async () => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      form: { email, password: "wrong password", csrfToken, json: "true" },
    });
  };
  for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
  const r = await attempt();
  expect(r.status()).toBe(429);
  expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
  expect(new URL((await r.json()).url).searchParams.get("error")).toMatch(/^throttled:\d+$/);
});

test("an operator sees a user's login lock on the account page and clears it; the user logs in at once", async ({
  page,
  operatorPage: op,
  request,
  seedUser,
}) => {
  const who = await seedUser({ verified: false });
  for (let i = 0; i < 5; i++) {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    await request.post("/api/auth/callback/credentials", {
      form: { email: who.email, password: `wrong ${i}`, csrfToken, json: "true" },
    });
  }
  await op.goto(`/admin/accounts?q=${encodeURIComponent(who.email)}`);
  await op.getByRole("link", { name: who.accountName }).click();
  const cell = op.getByTestId(`login-lock-${who.email}`);
  await expect(cell).toContainText(/locked until|登录已锁定至/i);
  await cell.getByRole("button", { name: /Clear login lock|解除登录锁定/ }).click();
  await op
    .getByRole("alertdialog")
    .getByRole("button", { name: /Clear login lock|解除登录锁定/ })
    .click();
  await expect(cell).toBeEmpty();
  await login(page, who);
});
