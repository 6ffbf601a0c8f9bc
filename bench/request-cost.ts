/**
 * CPU per request without HTTP (issue 11, round 3): calls the hot API paths' handlers (their `reply`, as
 * the fast layer does) N times in-process, one after another, on a fresh database in production mode
 * (wall clock), and prints CPU ms a request (this process: handler, drizzle, postgres.js), wall ms a
 * request and statements a request.
 * Throughput on a loaded shared machine is noise; these figures are not.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/request-cost.ts
 *   COST_N (default 300) requests per endpoint after COST_WARM (default 50) warm-up requests;
 *   COST_ONLY=quote,check,order picks endpoints. `node --cpu-prof --import tsx bench/request-cost.ts` profiles.
 */
import "../db/server-only-off";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { ensureDatabase, runMigrations } from "../db/migrate";
import type { ApiRequest, ReplyRoute } from "../lib/http/reply";

const N = Number(process.env.COST_N ?? 300);
const WARM = Number(process.env.COST_WARM ?? 50);
const only = process.env.COST_ONLY?.split(",");
const want = (name: string) => !only || only.includes(name);

type Handler = ReplyRoute<Record<string, string>>;

/** A request as the fast layer hands it to a handler's `reply` (lib/http/fast-api.ts). */
function request(key: string, body: unknown, headers: Record<string, string> = {}): ApiRequest {
  const all = new Map(
    Object.entries({ authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }),
  );
  const text = JSON.stringify(body);
  return {
    method: "POST",
    url: "http://localhost/api/v1/x",
    headers: { get: (name) => all.get(name.toLowerCase()) ?? null },
    text: async () => text,
  };
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("set DATABASE_URL to a PostgreSQL server's admin URL");
  const name = `imb_cost_${Date.now()}`;
  const url = await ensureDatabase(adminUrl, name, { recreate: true });
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.APP_MODE = "production";
  process.env.DB_COUNT_STATEMENTS = "1"; // statements a request (the count costs CPU: db/client.ts)

  const { db, closeDb, statementCount } = await import("../db/client");
  const { users } = await import("../db/schema");
  const { createAccount, topUp, verifyAccount } = await import("../lib/services/accounts");
  const { createApp } = await import("../lib/services/apps");
  const { POST: quoteRoute } = await import("../app/api/v1/quotes/route");
  const { GET: healthRoute } = await import("../app/api/health/route");
  const { POST: orderRoute } = await import("../app/api/v1/orders/route");
  const { POST: checkRoute } = await import("../app/api/v1/apps/[sdkAppId]/entitlements/check/route");

  try {
    const [opUser] = await db()
      .insert(users)
      .values({
        email: `cost-op-${Date.now()}@bench`,
        name: "cost",
        passwordHash: "!",
        kind: "operator",
        createdAt: new Date(),
      })
      .returning();
    const op = { kind: "operator" as const, userId: opUser!.id };
    const customer = async (i: number) => {
      const r = await createAccount(op, {
        name: `cost ${i}`,
        ownerEmail: `cost-${i}-${Date.now()}@bench`,
        ownerPassword: "bench-password-1",
      });
      await verifyAccount(op, r.account.id);
      await topUp(op, r.account.id, { cash: "99999999.00", note: "bench" });
      const actor = { kind: "customer" as const, accountId: r.account.id, role: "owner" as const, userId: r.ownerId };
      return { key: r.apiKey, actor };
    };

    const c = await customer(0);
    const app = (await createApp(c.actor, { name: "cost" })).sdkAppId;
    const quoteBody = { type: "plan", sdkAppId: app, edition: "pro", months: 1, agreeSla: true };
    const checkBody = { action: "create_group", current: { groups: 1 } };

    const measure = async (
      label: string,
      n: number,
      make: (i: number) => [Handler, ApiRequest, Record<string, string>],
    ) => {
      const run = async (i: number) => {
        const [h, req, params] = make(i);
        const r = await h.reply(req, params);
        const text = JSON.stringify(r.response ? null : r.json);
        if (r.status >= 300) throw new Error(`${label}: ${r.status} ${text}`);
      };
      for (let i = 0; i < Math.min(WARM, n); i++) await run(i);
      const s0 = statementCount();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = WARM; i < WARM + n; i++) await run(i);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const st = statementCount() - s0;
      const cpuMs = (cpu.user + cpu.system) / 1000 / n;
      console.log(
        `${label.padEnd(40)} n=${String(n).padStart(5)}  cpu ${cpuMs.toFixed(3)} ms/req` +
          `  wall ${(wall / n).toFixed(3)} ms/req  ${(st / n).toFixed(2)} statements/req`,
      );
    };

    // The parts: the health check's reply (one `select 1`) and the key lookup every API call starts with.
    if (want("health"))
      await measure("GET /api/health", N, () => [healthRoute as unknown as Handler, request("", {}), {}]);
    if (want("auth")) {
      const { actorForApiKey } = await import("../lib/services/api-keys");
      const fake = { reply: async () => ({ status: (await actorForApiKey(c.key)) ? 200 : 401, json: null }) };
      await measure("the API key lookup alone", N, () => [fake as unknown as Handler, request(c.key, {}), {}]);
    }
    if (want("quote"))
      await measure("POST /api/v1/quotes", N, () => [quoteRoute as unknown as Handler, request(c.key, quoteBody), {}]);
    if (want("check"))
      await measure("POST /api/v1/apps/{id}/entitlements/check", N, () => [
        checkRoute as unknown as Handler,
        request(c.key, checkBody),
        { sdkAppId: String(app) },
      ]);
    if (want("order")) {
      // A fresh trial app for every order (pro × 1), as bench/http.ts does; 90 apps an account (cap 100).
      const total = Math.min(N, 270) + WARM;
      const targets: { key: string; app: number }[] = [];
      for (let a = 0; targets.length < total; a++) {
        const cc = await customer(a + 1);
        for (let i = 0; i < 90 && targets.length < total; i++)
          targets.push({ key: cc.key, app: (await createApp(cc.actor, { name: `o${i}` })).sdkAppId });
      }
      await measure("POST /api/v1/orders (pro × 1, fresh app)", total - WARM, (i) => {
        const t = targets[i]!;
        const body = { ...quoteBody, sdkAppId: t.app };
        return [orderRoute as unknown as Handler, request(t.key, body, { "idempotency-key": `cost-order-${i}` }), {}];
      });
    }
  } finally {
    await closeDb();
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
