/**
 * Vitest global setup: a FRESH database for every run.
 * - DATABASE_URL set: a uniquely named database on that server (dropped afterwards).
 * - otherwise: an embedded PostgreSQL in .data/test-pg on port 54349 (stopped afterwards).
 * Workers get the URL through process.env (inherited) and `inject("databaseUrl")` (test/setup/worker-env.ts).
 */
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { ensureDatabase, runMigrations } from "../../db/migrate";
import { startEmbeddedPostgres, type EmbeddedPg } from "../../db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const PREFIX = "imb_test_";
const STALE_MS = 6 * 60 * 60 * 1000;

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops test databases that earlier, interrupted runs left behind (older than a few hours). */
async function dropStale(adminUrl: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<
      { datname: string }[]
    >`SELECT datname FROM pg_database WHERE datname LIKE ${PREFIX.concat("%")}`;
    for (const { datname } of rows) {
      const ts = Number(/^imb_test_(\d+)_/.exec(datname)?.[1]);
      if (Number.isFinite(ts) && Date.now() - ts > STALE_MS)
        await sql.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const given = process.env.DATABASE_URL;
  let embedded: EmbeddedPg | undefined;
  let adminUrl: string;
  if (given) {
    adminUrl = given;
    await dropStale(adminUrl).catch(() => {});
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: ".data/test-pg", port: 54349, fresh: true });
    adminUrl = embedded.url;
  }
  const name = `${PREFIX}${Date.now()}_${process.pid}`;
  let url: string;
  try {
    url = await ensureDatabase(adminUrl, name, { recreate: true });
    await runMigrations(url);
  } catch (e) {
    await embedded?.stop().catch(() => {});
    throw e;
  }

  process.env.DATABASE_URL = url;
  process.env.APP_MODE = "test";
  project.provide("databaseUrl", url);
  console.log(
    `[test-db] ${embedded ? "embedded PostgreSQL" : "DATABASE_URL server"}, database ${name} ` +
      `ready in ${Date.now() - started} ms`,
  );

  return async () => {
    try {
      await dropDatabase(adminUrl, name);
    } finally {
      if (given) process.env.DATABASE_URL = given;
      await embedded?.stop();
    }
  };
}
