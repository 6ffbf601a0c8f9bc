/**
 * The HTTP benchmark of issue 11 (a script that prints figures, not a test).
 *   npm run bench:http
 * Starts the server the way `npm start` does (production build and mode, `tsx db/launch.ts start`, PORT=3301) on a
 * fresh database: a new database on BENCH_DATABASE_URL / DATABASE_URL's server when one is given, else an
 * embedded PostgreSQL on port 54501. In the same run and against the same PostgreSQL it runs pgbench TPC-B
 * (16 clients, ~10 s, its own scratch database) and a bare Node http + postgres.js `select 1` server, then
 * drives each endpoint with autocannon at 16 connections and prints req/s, p50/p95 and the issue's ratios.
 * BENCH_SECONDS (default 10) sets each run's length; BENCH_ONLY=health,orders,… picks endpoints. The bare
 * server, health, quotes and entitlement checks run interleaved in BENCH_ROUNDS (default 3) rounds. Orders are
 * measured after BENCH_ORDER_WARMUP (default 10) uncounted orders an account. PostgreSQL is settled (VACUUM
 * ANALYZE; CHECKPOINT before the read-only runs) after each setup, and each run prints its CPU a request by side
 * (the app's processes, PostgreSQL's, this process: bench/cpu.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, openSync, mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import postgres from "postgres";
import { ensureDatabase } from "../db/migrate";
import { cpuLine, cpuNow, cpuSince, type CpuSides } from "./cpu";
import { shanghaiDay } from "../lib/billing/calendar";

const root = resolve(import.meta.dirname, "..");
const PORT = 3301;
const BARE_PORT = 3311;
const EMBEDDED_PORT = 54501;
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ACCOUNTS = 16;
const BATCH = 10_000;
const OP_KEY = `bench-op-${randomBytes(12).toString("hex")}`;
const BASE = `http://127.0.0.1:${PORT}`;
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const want = (name: string) => !only || only.includes(name);

type Figure = { name: string; rps: number; p50: number; p95: number; errors: number; non2xx: number; unit?: string };
const figures = new Map<string, Figure>();

/** The processes counted as the app's in the CPU figures: the launcher and its server workers (and the bare server). */
const isServer = (cmdline: string) => /db\/(serve\.mjs|launch\.ts)|bench\/bare-server\.mjs/.test(cmdline);

function print(f: Figure) {
  figures.set(f.name, f);
  const bad = f.errors || f.non2xx ? `  errors=${f.errors} non2xx=${f.non2xx}` : "";
  console.log(
    `${f.name.padEnd(44)} ${f.rps.toFixed(1).padStart(9)} ${(f.unit ?? "req/s").padEnd(9)} ` +
      `p50=${f.p50.toFixed(1).padStart(7)} ms  p95=${f.p95.toFixed(1).padStart(7)} ms${bad}`,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    if (Date.now() > until) throw new Error(`${url} did not answer 200 in ${ms} ms`);
    await sleep(200);
  }
}

async function api(
  path: string,
  key: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const r = await fetch(`${BASE}/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${init.method ?? "POST"} ${path} → ${r.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Runs `n` tasks with at most `limit` in flight. */
async function pool<T>(n: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };

/** autocannon at CONNECTIONS connections; `make(conn)` builds each request (conn = the connection's index). */
async function cannon(
  name: string,
  make: (conn: number) => Request,
  opts: { amount?: number; unit?: string; perRequest?: number; seconds?: number; quiet?: boolean } = {},
): Promise<Part> {
  let nextConn = 0;
  const samples: number[] = [];
  const instance = autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: opts.seconds ?? SECONDS,
    amount: opts.amount,
    timeout: 30,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          if (context.conn === undefined) context.conn = nextConn++ % CONNECTIONS;
          const r = make(context.conn as number);
          return {
            ...req,
            method: r.method,
            path: r.path,
            headers: { ...(req.headers as object), ...r.headers },
            body: r.body,
          };
        },
      },
    ],
  } as autocannon.Options);
  return finish(name, instance, samples, opts);
}

type Part = Figure & { ok: number; secs: number; samples: number[] };

/** Waits for an autocannon run, keeping every response time so p50/p95 are exact. */
async function finish(
  name: string,
  instance: autocannon.Instance,
  samples: number[],
  opts: { unit?: string; perRequest?: number; quiet?: boolean } = {},
): Promise<Part> {
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) samples.push(ms);
  });
  const result = await new Promise<autocannon.Result>((res, rej) => instance.once("done", res).once("error", rej));
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  const f: Part = {
    name,
    rps: (result["2xx"] / result.duration) * (opts.perRequest ?? 1),
    p50: at(0.5),
    p95: at(0.95),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    unit: opts.unit,
    ok: result["2xx"],
    secs: result.duration,
    samples,
  };
  if (!opts.quiet) print(f);
  return f;
}

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

/**
 * The runs whose figures are compared in a ratio, interleaved: ROUNDS rounds of each run for
 * SECONDS ÷ ROUNDS, so a change in the machine's load during the benchmark (a shared machine) falls on
 * every side of a ratio alike. Each figure sums its rounds: 2xx answers ÷ seconds, p50/p95 of all answers.
 */
async function interleaved(runs: { name: string; run: (seconds: number) => Promise<Part> }[]) {
  const parts = new Map<string, Part[]>(runs.map((r) => [r.name, []]));
  const cpu = new Map<string, CpuSides | null>(runs.map((r) => [r.name, { app: 0, postgres: 0, client: 0 }]));
  for (let round = 0; round < ROUNDS; round++)
    for (const r of runs) {
      const before = cpuNow(isServer);
      parts.get(r.name)!.push(await r.run(SECONDS / ROUNDS));
      const used = cpuSince(before, isServer);
      const sum = cpu.get(r.name);
      cpu.set(
        r.name,
        used && sum
          ? { app: sum.app + used.app, postgres: sum.postgres + used.postgres, client: sum.client + used.client }
          : null,
      );
    }
  const out = new Map<string, Figure>();
  for (const r of runs) {
    const ps = parts.get(r.name)!;
    const samples = ps.flatMap((p) => p.samples).sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
    const f: Figure = {
      name: r.name,
      rps: ps.reduce((n, p) => n + p.ok, 0) / ps.reduce((n, p) => n + p.secs, 0),
      p50: at(0.5),
      p95: at(0.95),
      errors: ps.reduce((n, p) => n + p.errors, 0),
      non2xx: ps.reduce((n, p) => n + p.non2xx, 0),
    };
    print(f);
    const used = cpu.get(r.name);
    const answered = ps.reduce((n, p) => n + p.ok, 0);
    if (used && answered) console.log(`${"".padEnd(46)}cpu: ${cpuLine(used, answered)}`);
    out.set(r.name, f);
  }
  return out;
}

/** CONNECTIONS workers each running `task` back to back for SECONDS; figures in events/s (BATCH a task). */
async function loop(name: string, task: (conn: number) => Promise<void>): Promise<Figure> {
  const lat: number[] = [];
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await task(c);
          lat.push(performance.now() - t);
          done++;
        } catch (e) {
          if (errors++ === 0) console.error(String(e));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  const f: Figure = {
    name,
    rps: (done * BATCH) / elapsed,
    p50: lat[Math.floor(lat.length * 0.5)] ?? NaN,
    p95: lat[Math.floor(lat.length * 0.95)] ?? NaN,
    errors,
    non2xx: 0,
    unit: "events/s",
  };
  print(f);
  return f;
}

/**
 * Lets PostgreSQL finish what the setup left it before a measured run, not during it: autovacuum of the freshly
 * seeded tables (ANALYZE also gives the planner the statistics a running installation has), and, before the
 * read-only runs, writing out the dirty pages of pgbench's and the setup's writes. That background work used to
 * land in the runs, on the same two cores, in a different run each time. No checkpoint before the orders: right
 * after one, every page an order first touches goes to the WAL whole (full-page writes), which measured 15-20 %
 * fewer orders a second than a database a while past its last checkpoint.
 */
async function settle(sql: postgres.Sql, opts: { checkpoint: boolean }) {
  await sql.unsafe("VACUUM ANALYZE");
  // CHECKPOINT needs superuser or pg_checkpoint; without it, skipped.
  if (opts.checkpoint) await sql.unsafe("CHECKPOINT").catch(() => {});
}

function spawnLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv, logName: string): ChildProcess {
  mkdirSync(join(root, ".data"), { recursive: true });
  const fd = openSync(join(root, ".data", logName), "w");
  return spawn(cmd, args, { cwd: root, env, stdio: ["ignore", fd, fd], detached: true });
}

async function stop(child: ChildProcess | undefined, ms = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {}
  const t = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  }, ms);
  await exited;
  clearTimeout(t);
}

function pgbench(url: string): number | null {
  const bin = existsSync("/usr/bin/pgbench")
    ? "/usr/bin/pgbench"
    : spawnSync("sh", ["-c", "command -v pgbench"]).stdout?.toString().trim();
  if (!bin) {
    console.log(
      "pgbench                                      (not installed: " +
        "skipped; install postgresql-contrib for the reference)",
    );
    return null;
  }
  const u = new URL(url);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const conn = [
    "-h",
    u.hostname,
    "-p",
    u.port || "5432",
    "-U",
    decodeURIComponent(u.username) || "postgres",
    u.pathname.slice(1),
  ];
  const init = spawnSync(bin, ["-i", "-q", "-s", String(CONNECTIONS), ...conn], { env, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const r = spawnSync(bin, ["-c", String(CONNECTIONS), "-j", "2", "-T", String(SECONDS), ...conn], {
    env,
    encoding: "utf8",
  });
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(r.stdout);
  if (!m) throw new Error(`pgbench output not understood: ${r.stdout}${r.stderr}`);
  print({
    name: "pgbench TPC-B (16 clients, scale 16)",
    rps: Number(m[1]),
    p50: lat ? Number(lat[1]) : NaN,
    p95: NaN,
    errors: 0,
    non2xx: 0,
    unit: "tps",
  });
  return Number(m[1]);
}

async function main() {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const stamp = `${Date.now()}`;
  const appDbName = `imb_http_${stamp}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    // What `npm start` runs (production mode: the wall clock, no test-clock read per request);
    // BENCH_APP_MODE=test measures test mode.
    APP_MODE: process.env.BENCH_APP_MODE ?? "production",
    BOOTSTRAP_OPERATOR_KEY: OP_KEY,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  delete (env as Record<string, string | undefined>).NODE_ENV;
  // BENCH_CPU_PROF=<dir>: every Node process of the server writes a V8 CPU profile there when it exits.
  if (process.env.BENCH_CPU_PROF)
    env.SERVE_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`;
  let serverAdminUrl: string;
  if (given) {
    env.DATABASE_URL = await ensureDatabase(given, appDbName, { recreate: true });
    serverAdminUrl = given;
  } else {
    delete env.DATABASE_URL;
    Object.assign(env, {
      EMBEDDED_PG_PORT: String(EMBEDDED_PORT),
      EMBEDDED_PG_FRESH: "1",
      EMBEDDED_PG_DIR: ".data/bench-http-pg",
    });
    serverAdminUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  }
  console.log(
    `bench:http  node ${process.version}, ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}, ${SECONDS} s a run, ${CONNECTIONS} connections, ` +
      `WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "(launcher default)"}`,
  );
  console.log(
    `database: ${
      given
        ? `${new URL(given).host} (system PostgreSQL), database ${appDbName}`
        : `embedded PostgreSQL on ${EMBEDDED_PORT}`
    }`,
  );

  const server = spawnLogged(
    join(root, "node_modules", ".bin", "tsx"),
    ["db/launch.ts", "start"],
    env,
    "bench-http-server.log",
  );
  let bare: ChildProcess | undefined;
  let sql: postgres.Sql | undefined;
  try {
    await waitFor(`${BASE}/api/health`, 240_000);
    const appUrl = given ? env.DATABASE_URL! : serverAdminUrl.replace(/\/postgres$/, "/im_billing");
    sql = postgres(appUrl, { max: CONNECTIONS, onnotice: () => {} });
    const pgVersion = (await sql`show server_version`)[0]!.server_version;
    console.log(`PostgreSQL ${pgVersion}; server log in .data/bench-http-server.log\n`);

    // Accounts: 16 verified, funded accounts through the operator API, each with apps.
    const t0 = performance.now();
    const accounts = await pool(ACCOUNTS, 4, async (i) => {
      const r = await api("/admin/accounts", OP_KEY, {
        body: {
          name: `bench ${i}`,
          ownerEmail: `bench-${stamp}-${i}@bench.example`,
          ownerPassword: "bench-password-1",
        },
      });
      await api(`/admin/accounts/${r.account.id}/verify`, OP_KEY, { body: {} });
      await api(`/admin/accounts/${r.account.id}/topups`, OP_KEY, { body: { cash: "99999999.00", note: "bench" } });
      const app = await api("/apps", r.apiKey, { body: { name: `bench quote ${i}` } });
      return {
        id: r.account.id as string,
        key: r.apiKey as string,
        app: app.sdkAppId as number,
        freshApps: [] as number[],
      };
    });
    console.log(`setup: ${ACCOUNTS} accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Reference 1: pgbench TPC-B on its own scratch database of the same server.
    let tps: number | null = null;
    if (want("pgbench")) {
      const scratch = await ensureDatabase(serverAdminUrl, `imb_pgbench_${stamp}`, { recreate: true });
      try {
        tps = pgbench(scratch);
      } finally {
        const admin = postgres(serverAdminUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`DROP DATABASE IF EXISTS "imb_pgbench_${stamp}" WITH (FORCE)`).catch(() => {});
        await admin.end();
      }
    }

    await settle(sql, { checkpoint: true });

    // Reference 2: a bare Node http server doing `select 1` through postgres.js on the same database,
    // measured in rounds interleaved with the endpoints it is compared with.
    if (want("bare")) {
      bare = spawnLogged(
        process.execPath,
        [join(root, "bench", "bare-server.mjs")],
        { ...process.env, BARE_PORT: String(BARE_PORT), BARE_DATABASE_URL: appUrl },
        "bench-bare-server.log",
      );
      await waitFor(`http://127.0.0.1:${BARE_PORT}/`, 20_000);
    }
    const planBody = (sdkAppId: number) =>
      JSON.stringify({ type: "plan", sdkAppId, edition: "pro", months: 1, agreeSla: true });
    const checkBody = JSON.stringify({ action: "create_group", current: { groups: 10, newGroupsToday: 1 } });
    const BARE = "bare node http + postgres.js select 1";
    const HEALTH = "GET /api/health";
    const QUOTES = "POST /api/v1/quotes (pro × 1)";
    const CHECK = "POST /api/v1/apps/{id}/entitlements/check";
    const runs: { name: string; run: (seconds: number) => Promise<Part> }[] = [];
    if (want("bare"))
      runs.push({
        name: BARE,
        run: (seconds) =>
          finish(
            BARE,
            autocannon({ url: `http://127.0.0.1:${BARE_PORT}/`, connections: CONNECTIONS, duration: seconds }),
            [],
            { quiet: true },
          ),
      });
    if (want("health"))
      runs.push({
        name: HEALTH,
        run: (seconds) => cannon(HEALTH, () => ({ method: "GET", path: "/api/health" }), { seconds, quiet: true }),
      });
    if (want("quotes"))
      runs.push({
        name: QUOTES,
        run: (seconds) =>
          cannon(
            QUOTES,
            (c) => ({
              method: "POST",
              path: "/api/v1/quotes",
              headers: { authorization: `Bearer ${accounts[c]!.key}`, "content-type": "application/json" },
              body: planBody(accounts[c]!.app),
            }),
            { seconds, quiet: true },
          ),
      });
    if (want("check"))
      runs.push({
        name: CHECK,
        run: (seconds) =>
          cannon(
            CHECK,
            (c) => ({
              method: "POST",
              path: `/api/v1/apps/${accounts[c]!.app}/entitlements/check`,
              headers: { authorization: `Bearer ${accounts[c]!.key}`, "content-type": "application/json" },
              body: checkBody,
            }),
            { seconds, quiet: true },
          ),
      });
    const measured = runs.length ? await interleaved(runs) : new Map<string, Figure>();
    await stop(bare);
    bare = undefined;
    const bareRps = measured.get(BARE)?.rps ?? null;
    const health = measured.get(HEALTH) ?? null;
    const quotes = measured.get(QUOTES) ?? null;
    const checks = measured.get(CHECK) ?? null;

    let orders: Figure | null = null;
    if (want("orders")) {
      // A fresh trial app for every order (the app cap is 100 an account: 99 fresh apps each, 1,584 orders at most).
      const t1 = performance.now();
      await pool(ACCOUNTS * 99, CONNECTIONS, async (i) => {
        const a = accounts[i % ACCOUNTS]!;
        const app = await api("/apps", a.key, { body: { name: `bench order ${i}` } });
        a.freshApps.push(app.sdkAppId);
      });
      console.log(`setup: ${ACCOUNTS * 99} fresh apps in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      await settle(sql, { checkpoint: false });
      const orderRequest = (c: number) => {
        const a = accounts[c]!;
        const app = a.freshApps.pop() ?? a.app; // when an account runs out, it re-buys (an honest, still valid order)
        return {
          method: "POST",
          path: "/api/v1/orders",
          headers: {
            authorization: `Bearer ${a.key}`,
            "content-type": "application/json",
            "idempotency-key": randomUUID(),
          },
          body: planBody(app),
        };
      };
      // Warm-up, not counted: BENCH_ORDER_WARMUP orders an account (default 10) through the same path first,
      // so that the figures are of a warm server (JIT, each pool connection's first statements), as the
      // endpoints measured in rounds above are.
      const warm = Number(process.env.BENCH_ORDER_WARMUP ?? 10);
      if (warm > 0) await cannon("orders warm-up", orderRequest, { amount: ACCOUNTS * warm, quiet: true });
      const before = cpuNow(isServer);
      orders = await cannon("POST /api/v1/orders (pro × 1, fresh app)", orderRequest, {
        amount: ACCOUNTS * (99 - warm),
      });
      const used = cpuSince(before, isServer);
      if (used) console.log(`${"".padEnd(46)}cpu: ${cpuLine(used, ACCOUNTS * (99 - warm))}`);
    }

    let ingest: Figure | null = null;
    let raw: Figure | null = null;
    if (want("logins")) {
      const { now } = await api("/admin/clock", OP_KEY);
      const at = new Date(now);
      let batchNo = 0;
      const batch = (conn: number, tag: string) => {
        const n = batchNo++;
        const sdkAppId = accounts[conn]!.app;
        return Array.from({ length: BATCH }, (_, i) => ({
          sdkAppId,
          userId: `${tag}-${n}-${i}`,
          at: new Date(at.getTime() + i).toISOString(),
        }));
      };
      // 16 clients, each sending its next batch when the last is answered, for SECONDS (the batches in flight
      // at the end are waited for and counted: a 10,000-event batch can take longer than a run).
      ingest = await loop("POST /api/v1/usage/logins (10,000 events)", async (c) => {
        const r = await fetch(`${BASE}/api/v1/usage/logins`, {
          method: "POST",
          headers: { authorization: `Bearer ${accounts[c]!.key}`, "content-type": "application/json" },
          body: JSON.stringify({ events: batch(c, "api") }),
        });
        const text = await r.text();
        if (r.status !== 200) throw new Error(`logins → ${r.status} ${text.slice(0, 200)}`);
      });
      // The same events (same shape, same table) as one raw multi-row INSERT … ON CONFLICT DO NOTHING a batch.
      const appIds = new Map<number, string>();
      for (const r of await sql`select id, sdk_app_id from apps where sdk_app_id in ${sql(accounts.map((a) => a.app))}`)
        appIds.set(Number(r.sdk_app_id), r.id as string);
      raw = await loop("raw INSERT … ON CONFLICT DO NOTHING (10,000)", async (c) => {
        const rows = batch(c, "raw").map((e) => ({
          app_id: appIds.get(e.sdkAppId)!,
          day: shanghaiDay(new Date(e.at)),
          user_id: e.userId,
          first_login_at: new Date(e.at),
        }));
        await sql!`insert into daily_active_users ${sql!(rows)} on conflict do nothing`;
      });
    }

    console.log("\nratios (issue 11 targets, same run):");
    const ratio = (
      label: string,
      a: number | null | undefined,
      b: number | null | undefined,
      target: number,
      extra?: { ok: boolean; text: string },
    ) => {
      if (a == null || b == null) return console.log(`  ${label.padEnd(56)} (not measured)`);
      const r = a / b;
      const pass = r >= target && (extra?.ok ?? true);
      console.log(
        `  ${label.padEnd(56)} ${r.toFixed(3).padStart(7)}×  ` +
          `target ≥ ${target}×${extra ? `, ${extra.text}` : ""}  ${pass ? "PASS" : "FAIL"}`,
      );
    };
    ratio(
      "POST /orders ÷ pgbench TPC-B tps",
      orders?.rps,
      tps,
      0.08,
      orders ? { ok: orders.p95 <= 100, text: `p95 ${orders.p95.toFixed(0)} ms ≤ 100 ms` } : undefined,
    );
    ratio("GET /api/health ÷ bare Node + postgres.js", health?.rps, bareRps, 0.5);
    ratio("POST /quotes ÷ GET /api/health", quotes?.rps, health?.rps, 0.5);
    ratio("POST /entitlements/check ÷ GET /api/health", checks?.rps, health?.rps, 0.5);
    ratio("login ingestion (events/s) ÷ raw INSERT", ingest?.rps, raw?.rps, 0.3);
    console.log(
      `\nload after the run: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await sql?.end({ timeout: 5 }).catch(() => {});
    await stop(bare);
    await stop(server, 30_000);
    if (given) {
      const admin = postgres(given, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${appDbName}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
