import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Page } from "@playwright/test";

/**
 * Every page of the console, with a real URL for each dynamic route (security.spec.ts, a11y.spec.ts).
 * Customer pages are opened as the viewer account's owner, operator pages as the operator.
 */
export type PageSpec = {
  route: string;
  who: "public" | "customer" | "operator";
  path: string | ((page: Page) => Promise<string>);
};

const firstLink = (list: string, pattern: RegExp) => async (page: Page) => {
  await page.goto(list);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${list}`);
  return href;
};

export const PAGES: PageSpec[] = [
  { route: "/", who: "public", path: "/" },
  { route: "/login", who: "public", path: "/login" },
  { route: "/calculator", who: "public", path: "/calculator?dau=20000&months=12" },
  { route: "/agreement", who: "public", path: "/agreement" },
  { route: "/overview", who: "customer", path: "/overview" },
  { route: "/apps", who: "customer", path: "/apps" },
  { route: "/apps/[sdkAppId]", who: "customer", path: firstLink("/apps", /^\/apps\/\d+$/) },
  { route: "/buy", who: "customer", path: "/buy" },
  { route: "/change", who: "customer", path: "/change" },
  { route: "/renewals", who: "customer", path: "/renewals" },
  { route: "/orders", who: "customer", path: "/orders" },
  { route: "/orders/[id]", who: "customer", path: firstLink("/orders", /^\/orders\/[0-9a-f-]{36}$/) },
  { route: "/bills", who: "customer", path: "/bills" },
  // The viewer account (e2e/auth.setup.ts) has a bill of a past month.
  { route: "/bills/[id]", who: "customer", path: firstLink("/bills", /^\/bills\/[0-9a-f-]{36}$/) },
  { route: "/notifications", who: "customer", path: "/notifications" },
  { route: "/top-up", who: "customer", path: "/top-up?shortfall=1234.50" },
  { route: "/refunds", who: "customer", path: "/refunds" },
  { route: "/balance", who: "customer", path: "/balance" },
  { route: "/settings", who: "customer", path: "/settings" },
  { route: "/docs/api", who: "customer", path: "/docs/api" },
  { route: "/admin", who: "operator", path: "/admin" },
  { route: "/admin/accounts", who: "operator", path: "/admin/accounts" },
  {
    route: "/admin/accounts/[id]",
    who: "operator",
    path: firstLink("/admin/accounts", /^\/admin\/accounts\/[0-9a-f-]{36}$/),
  },
  { route: "/admin/audit", who: "operator", path: "/admin/audit" },
  { route: "/admin/campaigns", who: "operator", path: "/admin/campaigns" },
  { route: "/admin/clock", who: "operator", path: "/admin/clock" },
  { route: "/admin/features", who: "operator", path: "/admin/features" },
  { route: "/admin/jobs", who: "operator", path: "/admin/jobs" },
  { route: "/admin/refunds", who: "operator", path: "/admin/refunds" },
  { route: "/admin/vouchers", who: "operator", path: "/admin/vouchers" },
];

export function pagesOnDisk(dir = join(process.cwd(), "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pagesOnDisk(p);
    if (e.name !== "page.tsx") return [];
    const route = relative(join(process.cwd(), "app"), dir)
      .split(sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .join("/");
    return [`/${route}`];
  });
}
