/**
 * Each test's own customer account (documenso's seedUser): made through the operator API and the
 * account's own API key, the way an integrator would, so specs never share a balance, an app or a
 * refund count. `GALAXY` gives an account the shape the demo seed (db/seed.ts) gives the demo owner.
 */
import { type APIRequestContext, type BrowserContext, expect } from "@playwright/test";
import { OPERATOR_KEY, uniq } from "./env";

export type Login = { email: string; password: string };

type Method = "get" | "post" | "put" | "delete";

/** One /api/v1 call that must succeed; its JSON (null for 204). */
export async function v1(
  request: APIRequestContext,
  key: string,
  method: Method,
  path: string,
  data?: object,
  headers: Record<string, string> = {},
) {
  const res = await request[method](`/api/v1${path}`, {
    headers: { Authorization: `Bearer ${key}`, ...headers },
    data,
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.status() === 204 ? null : res.json();
}

export type Pack = { pack: string; tier: string | null };
export type PlanSeed = { edition: "pro" | "ultimate"; months: number; packs?: Pack[]; autoRenew?: boolean };
export type AppSeed = { name: string; plan?: PlanSeed; stopped?: boolean };

export type SeedOptions = {
  /** The account name's start; a unique suffix is added. */
  name?: string;
  /** Real-name verification (default true; buying needs it). */
  verified?: boolean;
  cash?: string;
  gift?: string;
  /** The note on the cash top-up. */
  cashNote?: string;
  /** Made in this order, each plan bought as it is made: the account's first order gets the first-purchase price. */
  apps?: AppSeed[];
};

export type Customer = Login & {
  accountId: string;
  accountName: string;
  /** The account's own API key ("default"), for customer /api/v1 calls. */
  apiKey: string;
  /** SDKAppID by app name. */
  apps: Record<string, number>;
};

export async function placePlan(request: APIRequestContext, apiKey: string, sdkAppId: number, plan: PlanSeed) {
  return v1(
    request,
    apiKey,
    "post",
    "/orders",
    { type: "plan", sdkAppId, packs: [], agreeSla: true, ...plan },
    { "Idempotency-Key": `seed-${uniq()}` },
  );
}

export async function seedUser(request: APIRequestContext, o: SeedOptions = {}): Promise<Customer> {
  const id = uniq();
  const email = `e2e-${id}@example.com`;
  const password = `e2e-pass-${id}`;
  const accountName = `${o.name ?? "E2E 客户"} ${id}`;
  const { account, apiKey } = await v1(request, OPERATOR_KEY, "post", "/admin/accounts", {
    name: accountName,
    ownerEmail: email,
    ownerPassword: password,
  });
  const admin = `/admin/accounts/${account.id}`;
  if (o.verified ?? true) await v1(request, OPERATOR_KEY, "post", `${admin}/verify`);
  if (o.cash) await v1(request, OPERATOR_KEY, "post", `${admin}/topups`, { cash: o.cash, note: o.cashNote ?? "e2e" });
  if (o.gift) await v1(request, OPERATOR_KEY, "post", `${admin}/topups`, { gift: o.gift, note: "e2e gift" });
  const apps: Record<string, number> = {};
  for (const a of o.apps ?? []) {
    const app = await v1(request, apiKey, "post", "/apps", { name: a.name });
    apps[a.name] = app.sdkAppId;
    if (a.plan) await placePlan(request, apiKey, app.sdkAppId, a.plan);
    if (a.stopped) await v1(request, apiKey, "post", `/apps/${app.sdkAppId}/stop`);
  }
  return { email, password, accountId: account.id, accountName, apiKey, apps };
}

/** The demo seed's app names (db/seed.ts), used by specs that exercise an account shaped like the demo one. */
export const CHAT = "星河聊天 Galaxy Chat";
export const LIVE = "直播间 Live Room";
export const TRIAL = "新活动 Spring Campaign";
export const STOPPED = "旧版客服 Legacy Support";

/**
 * The demo owner's account as db/seed.ts makes it, without the months of usage history: ¥80,000.00
 * cash and ¥500.00 gift; Galaxy Chat on pro for a month with the security pack and auto-renew (the
 * first, campaign-priced order), Live Room on an annual ultimate plan with the group-members pack, a
 * trial app and a stopped one.
 */
export const GALAXY: SeedOptions = {
  name: "星河科技 Galaxy",
  cash: "80000.00",
  cashNote: "Demo top-up 演示充值",
  gift: "500.00",
  apps: [
    {
      name: CHAT,
      plan: { edition: "pro", months: 1, packs: [{ pack: "security_advanced", tier: null }], autoRenew: true },
    },
    { name: LIVE, plan: { edition: "ultimate", months: 12, packs: [{ pack: "group_members", tier: "6000" }] } },
    { name: TRIAL },
    { name: STOPPED, stopped: true },
  ],
};

/**
 * Signs `who` in over HTTP (next-auth's credentials callback) into the browser context: the session
 * cookie lands in the context's cookie jar. Login-form tests use login() from fixtures.ts instead.
 */
export async function signIn(context: BrowserContext, who: Login) {
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  const res = await context.request.post("/api/auth/callback/credentials", {
    form: { email: who.email, password: who.password, csrfToken, json: "true" },
  });
  expect(res.status(), `sign-in of ${who.email}: ${await res.text()}`).toBe(200);
}
