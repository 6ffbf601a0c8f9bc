/**
 * Every /api/v1 route handler, found on the file system (app/api/v1/**\/route.ts and its exported
 * HTTP methods), and the one valid request per handler that the hostile-input property test mutates.
 *
 * A new route is picked up automatically; the property test then fails until SAMPLES below has an
 * entry "METHOD /api/v1/path" (path as on disk, e.g. "/api/v1/apps/[sdkAppId]/usage") giving a valid
 * request: path params, query, JSON body and which key sends it.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { randomUUID } from "node:crypto";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
export type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
export type RouteHandler = { id: string; method: Method; path: string; handler: Handler };

const ROOT = join(import.meta.dirname, "..", "..");
const API = join(ROOT, "app", "api", "v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [p] : [];
  });
}

export async function allRouteHandlers(): Promise<RouteHandler[]> {
  const out: RouteHandler[] = [];
  for (const file of routeFiles(API).sort()) {
    const path = `/api/v1/${relative(API, file).split(sep).slice(0, -1).join("/")}`.replace(/\/$/, "");
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const h = mod[method];
      if (typeof h === "function") out.push({ id: `${method} ${path}`, method, path, handler: h as Handler });
    }
  }
  return out;
}

/** What the samples may refer to: made once per test run. */
export type Fixture = {
  customerKey: string;
  operatorKey: string;
  accountId: string;
  sdkAppId: number;
  otherAccountId: string;
};

export type Sample = {
  key: "customer" | "operator";
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: () => Record<string, string>;
  /**
   * "invalid-only": only values no field accepts (NUL, lone surrogates, …) are tried, because a valid
   * mutation would have effects beyond this test (moving the one test clock of the installation).
   */
  mutate?: "all" | "invalid-only" | "none";
};

const plan = (f: Fixture) => ({
  type: "plan",
  sdkAppId: f.sdkAppId,
  edition: "pro",
  months: 1,
  packs: [{ pack: "group_members", tier: "2000" }],
  autoRenew: false,
  agreeSla: true,
});
const idem = () => ({ "Idempotency-Key": `hostile-${randomUUID()}` });

export const SAMPLES: Record<string, (f: Fixture) => Sample> = {
  "GET /api/v1/account": () => ({ key: "customer" }),
  "GET /api/v1/apps": () => ({ key: "customer" }),
  "POST /api/v1/apps": () => ({ key: "customer", body: { name: "Hostile test app" } }),
  "GET /api/v1/apps/[sdkAppId]": (f) => ({ key: "customer", params: { sdkAppId: String(f.sdkAppId) } }),
  "DELETE /api/v1/apps/[sdkAppId]": (f) => ({ key: "customer", params: { sdkAppId: String(f.sdkAppId) } }),
  "POST /api/v1/apps/[sdkAppId]/start": (f) => ({ key: "customer", params: { sdkAppId: String(f.sdkAppId) } }),
  "POST /api/v1/apps/[sdkAppId]/stop": (f) => ({ key: "customer", params: { sdkAppId: String(f.sdkAppId) } }),
  "PUT /api/v1/apps/[sdkAppId]/auto-renew": (f) => ({
    key: "customer",
    params: { sdkAppId: String(f.sdkAppId) },
    body: { enabled: false },
  }),
  "GET /api/v1/apps/[sdkAppId]/entitlements": (f) => ({ key: "customer", params: { sdkAppId: String(f.sdkAppId) } }),
  "POST /api/v1/apps/[sdkAppId]/entitlements/check": (f) => ({
    key: "customer",
    params: { sdkAppId: String(f.sdkAppId) },
    body: {
      action: "create_group",
      current: { groups: 1, liveGroups: 0, userGroups: 0, groupMembers: 0, users: 0, newGroupsToday: 0 },
    },
  }),
  "GET /api/v1/apps/[sdkAppId]/usage": (f) => ({
    key: "customer",
    params: { sdkAppId: String(f.sdkAppId) },
    query: { from: "2026-01-01", to: "2026-01-31" },
  }),
  "GET /api/v1/orders": () => ({ key: "customer", query: { q: "O-2026", type: "plan" } }),
  "POST /api/v1/orders": (f) => ({ key: "customer", body: plan(f), headers: idem }),
  "POST /api/v1/quotes": (f) => ({ key: "customer", body: plan(f) }),
  "POST /api/v1/refunds/preview": (f) => ({
    key: "customer",
    body: { sdkAppId: f.sdkAppId, product: "plan", mode: "standard" },
  }),
  "GET /api/v1/refunds": () => ({ key: "customer" }),
  "POST /api/v1/refunds": (f) => ({
    key: "customer",
    body: { sdkAppId: f.sdkAppId, product: "plan", mode: "standard" },
  }),
  "POST /api/v1/usage/logins": (f) => ({
    key: "customer",
    body: { events: [{ sdkAppId: f.sdkAppId, userId: "user-1", at: "2026-01-02T10:00:00+08:00" }] },
  }),
  "POST /api/v1/usage/daily": (f) => ({
    key: "customer",
    body: {
      records: [
        {
          sdkAppId: f.sdkAppId,
          date: "2026-01-02",
          groups: 10,
          liveGroups: 1,
          bandwidthMbps: { domestic: 1.5, international: 0 },
        },
      ],
    },
  }),
  "GET /api/v1/admin/accounts": () => ({ key: "operator", query: { q: "Hostile" } }),
  "POST /api/v1/admin/accounts": () => ({
    key: "operator",
    body: {
      name: "Hostile account",
      ownerEmail: `hostile-${randomUUID()}@test.example`,
      ownerPassword: "a long password",
    },
  }),
  "POST /api/v1/admin/accounts/[id]/topups": (f) => ({
    key: "operator",
    params: { id: f.otherAccountId },
    body: { cash: "10.00", gift: "1.00", note: "hostile test" },
  }),
  "POST /api/v1/admin/accounts/[id]/verify": (f) => ({ key: "operator", params: { id: f.otherAccountId } }),
  "GET /api/v1/admin/clock": () => ({ key: "operator" }),
  "POST /api/v1/admin/clock": () => ({ key: "operator", body: { advanceSeconds: 1 }, mutate: "invalid-only" }),
  "GET /api/v1/admin/refunds": () => ({ key: "operator", query: { status: "pending_review" } }),
  "POST /api/v1/admin/refunds/[id]/approve": () => ({ key: "operator", params: { id: randomUUID() } }),
  "POST /api/v1/admin/refunds/[id]/reject": () => ({
    key: "operator",
    params: { id: randomUUID() },
    body: { reason: "hostile test" },
  }),
  "GET /api/v1/admin/vouchers": () => ({ key: "operator" }),
  "POST /api/v1/admin/vouchers": (f) => ({
    key: "operator",
    body: { accountId: f.otherAccountId, amount: "5.00", minTotal: "10.00", expiresAt: "2030-01-01T00:00:00+08:00" },
  }),
  "GET /api/v1/bills": () => ({ key: "customer", query: { month: "2026-11" } }),
  "GET /api/v1/bills/[id]": () => ({ key: "customer", params: { id: randomUUID() } }),
  "GET /api/v1/bills/[id]/lines.csv": () => ({ key: "customer", params: { id: randomUUID() } }),
  "GET /api/v1/notifications": () => ({ key: "customer", query: { unread: "true", kind: "bill_pushed" } }),
  "POST /api/v1/notifications/[id]/read": () => ({ key: "customer", params: { id: randomUUID() } }),
  "GET /api/v1/alert-recipients": () => ({ key: "customer" }),
  "POST /api/v1/alert-recipients": () => ({
    key: "customer",
    body: {
      name: "Finance",
      email: `finance-${randomUUID()}@test.example`,
      phone: "13800138000",
      kinds: ["bill_pushed", "arrears"],
    },
  }),
  "DELETE /api/v1/alert-recipients/[id]": () => ({ key: "customer", params: { id: randomUUID() } }),
  "PUT /api/v1/account/balance-alert": () => ({ key: "customer", body: { threshold: "100.00" } }),
  "GET /api/v1/admin/deliveries": () => ({ key: "operator", query: { status: "failed" } }),
  "GET /api/v1/apps/[sdkAppId]/features": (f) => ({ key: "customer", params: { sdkAppId: String(f.sdkAppId) } }),
  "POST /api/v1/apps/[sdkAppId]/features": (f) => ({
    key: "customer",
    params: { sdkAppId: String(f.sdkAppId) },
    body: { feature: "broadcast" },
  }),
  "GET /api/v1/admin/feature-applications": () => ({ key: "operator", query: { status: "pending" } }),
  "POST /api/v1/admin/feature-applications/[id]/approve": () => ({ key: "operator", params: { id: randomUUID() } }),
  "POST /api/v1/admin/feature-applications/[id]/reject": () => ({
    key: "operator",
    params: { id: randomUUID() },
    body: { reason: "hostile test" },
  }),
  // The catch-all that answers JSON 404 for unknown paths.
  "GET /api/v1/openapi.json": () => ({ key: "customer" }),
  "GET /api/v1/[...path]": () => ({ key: "customer", params: { path: ["no", "such"] }, mutate: "none" }),
  "POST /api/v1/[...path]": () => ({ key: "customer", params: { path: ["no", "such"] }, body: {}, mutate: "none" }),
  "PUT /api/v1/[...path]": () => ({ key: "customer", params: { path: ["no", "such"] }, body: {}, mutate: "none" }),
  "PATCH /api/v1/[...path]": () => ({ key: "customer", params: { path: ["no", "such"] }, body: {}, mutate: "none" }),
  "DELETE /api/v1/[...path]": () => ({ key: "customer", params: { path: ["no", "such"] }, mutate: "none" }),
};
