/**
 * The launcher around `next`: with no DATABASE_URL it starts an embedded PostgreSQL (kept in .data/),
 * applies migrations, seeds demo data into an empty database, builds when the build is missing or stale,
 * runs the app, and stops PostgreSQL only after the app has exited.
 *   tsx db/launch.ts start | dev | migrate | seed | remove-demo
 * A production start on an external database never seeds the demo logins and refuses to serve while one
 * exists (db/production.ts).
 */
import "./server-only-off";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startEmbeddedPostgres, type EmbeddedPg } from "./embedded";
import { ensureDatabase, runMigrations } from "./migrate";

const root = resolve(import.meta.dirname, "..");
const dataDir = resolve(root, ".data");
const command = process.argv[2] ?? "start";

function log(msg: string) {
  console.log(`[launch] ${msg}`);
}

async function resolveDatabase(): Promise<{ url: string; embedded?: EmbeddedPg }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const dir = resolve(root, process.env.EMBEDDED_PG_DIR ?? ".data/pg");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`no DATABASE_URL: starting embedded PostgreSQL in ${dir} on port ${port}`);
  const embedded = await startEmbeddedPostgres({ dataDir: dir, port, fresh: process.env.EMBEDDED_PG_FRESH === "1" });
  const url = await ensureDatabase(embedded.url, "im_billing");
  return { url, embedded };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const id = join(root, ".next", "BUILD_ID");
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  const sources = ["app", "components", "lib", "db/schema"].map((d) => join(root, d)).filter(existsSync);
  const files = ["next.config.mjs", "package.json", "proxy.ts", "instrumentation.ts"]
    .map((f) => join(root, f))
    .filter(existsSync);
  return Math.max(...sources.map(newestMtime), ...files.map((f) => statSync(f).mtimeMs)) <= built;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolveExit) => {
    const child =
      bin === "node"
        ? spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" })
        : spawn(join(root, "node_modules", ".bin", bin), args, { cwd: root, env, stdio: "inherit" });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolveExit(code ?? (signal ? 0 : 1));
    });
  });
}

function authSecret(embedded: boolean, production: boolean): string | undefined {
  const given = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (given) return given;
  if (embedded) {
    // The local demo keeps one secret in its data folder so sessions survive restarts.
    const file = join(dataDir, "auth-secret");
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    return readFileSync(file, "utf8").trim();
  }
  if (production) return undefined;
  return randomBytes(32).toString("base64url");
}

function printDemo(seed: { operatorKey: string; accountKey: string } | null, show = true) {
  const file = join(dataDir, "demo-credentials.txt");
  if (seed) {
    const { DEMO } = demoModule!;
    const text = [
      "Demo logins (password after the slash):",
      `  operator        ${DEMO.operator.email} / ${DEMO.operator.password}`,
      `  customer owner  ${DEMO.owner.email} / ${DEMO.owner.password}   ` +
        `(verified, balance 20000.00 cash + 500.00 gift)`,
      `  customer member ${DEMO.member.email} / ${DEMO.member.password}`,
      `  unverified      ${DEMO.unverified.email} / ${DEMO.unverified.password}`,
      "API keys (shown once at seeding; stored hashed):",
      `  operator key    ${seed.operatorKey}`,
      `  account key     ${seed.accountKey}   (Galaxy Tech owner)`,
      "",
    ].join("\n");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, text, { mode: 0o600 });
  }
  if (show && existsSync(file)) console.log(`\n${readFileSync(file, "utf8")}`);
}

let demoModule: typeof import("./seed") | undefined;

async function main() {
  if (!["start", "dev", "migrate", "seed", "remove-demo"].includes(command)) {
    console.error(`usage: tsx db/launch.ts start|dev|migrate|seed|remove-demo (got "${command}")`);
    process.exit(2);
  }
  const nodeEnv = command === "dev" ? "development" : "production";
  const appMode = process.env.APP_MODE ?? (nodeEnv === "production" ? "production" : "test");
  const { url, embedded } = await resolveDatabase();
  let code = 0;
  try {
    process.env.DATABASE_URL = url;
    process.env.APP_MODE = appMode;
    await runMigrations(url);
    log("migrations applied");
    {
      // Usage tables: monthly partitions ahead of today (and of the test clock in test mode; issue 11).
      const { db: conn, closeDb: close } = await import("./client");
      const { ensureUsagePartitions } = await import("./partitions");
      const { now } = await import("@/lib/clock");
      const made =
        (await ensureUsagePartitions(conn(), new Date())) +
        (appMode === "test" ? await ensureUsagePartitions(conn(), await now()) : 0);
      await close();
      if (made) log(`usage partitions made: ${made}`);
    }
    if (command === "migrate") return;

    demoModule = await import("./seed");
    const { closeDb } = await import("./client");
    const production = await import("./production");
    const kind = {
      embedded: Boolean(embedded),
      appMode: appMode as "production" | "test",
      seedDemo: process.env.SEED_DEMO,
    };
    if (command === "remove-demo") {
      const removed = await production.removeDemoCredentials();
      await closeDb();
      log(
        removed.length
          ? `removed the demo logins ${removed.join(", ")} and revoked their API keys`
          : "no demo logins found",
      );
      return;
    }
    if (process.env.BOOTSTRAP_OPERATOR_KEY) {
      const { ensureOperatorKey } = await import("@/lib/services/bootstrap");
      await ensureOperatorKey(process.env.BOOTSTRAP_OPERATOR_KEY);
    }
    const seed = production.shouldSeedDemo(kind) ? await demoModule.seedDemo() : { seeded: false as const };
    const leftover =
      production.mustRefuseDemo(kind) && command !== "seed" ? await production.demoCredentialsInUse() : [];
    await closeDb();
    if (seed.seeded) log("demo data seeded");
    if (leftover.length) {
      console.error(
        `[launch] refusing to start in production mode: demo logins with published passwords ` +
          `exist (${leftover.join(", ")}). ${production.REMOVE_DEMO_HINT}`,
      );
      code = 1;
      return;
    }
    if (command === "seed") {
      printDemo(seed.seeded ? seed : null);
      return;
    }

    const secret = authSecret(Boolean(embedded), appMode === "production");
    if (!secret) {
      console.error(
        "[launch] AUTH_SECRET is required in production mode (with DATABASE_URL). " +
          "Set AUTH_SECRET to a long random string.",
      );
      code = 1;
      return;
    }
    const env = {
      ...process.env,
      NODE_ENV: nodeEnv,
      APP_MODE: appMode,
      DATABASE_URL: url,
      AUTH_SECRET: secret,
    } as NodeJS.ProcessEnv;
    if (command === "start" && !buildIsCurrent()) {
      log("building the console (next build)…");
      code = await run("next", ["build"], env);
      if (code !== 0) return;
    }
    if (production.shouldPrintDemo(kind)) printDemo(seed.seeded ? seed : null);
    else if (seed.seeded) {
      printDemo(seed, false);
      log(`demo data seeded; its logins and keys are in ${join(dataDir, "demo-credentials.txt")}`);
    }
    const port = process.env.PORT ?? "3000";
    log(`serving on http://localhost:${port} (APP_MODE=${appMode})`);
    if (command === "dev") code = await run("next", ["dev", "-p", port], env);
    else {
      // One process per core on the one port (db/serve.mjs; WEB_CONCURRENCY overrides the core count).
      // SERVE_NODE_ARGS adds Node flags to every server process (e.g. `--cpu-prof --cpu-prof-dir=…`).
      const nodeArgs = (process.env.SERVE_NODE_ARGS ?? "").split(" ").filter(Boolean);
      code = await run("node", [...nodeArgs, join(root, "db", "serve.mjs"), port], env);
    }
  } catch (e) {
    console.error(`[launch] ${(e as Error).message}`);
    code = 1;
  } finally {
    // A refusal returns early from the try: its exit code must still reach the shell.
    process.exitCode = code;
    if (embedded) {
      await embedded.stop();
      log("embedded PostgreSQL stopped");
    }
  }
  process.exit(code);
}

void main();
