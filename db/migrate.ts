import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));

/** Applies pending committed migrations (db/migrations). */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder: join(here, "migrations") });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates a database on the server of `adminUrl` (if missing) and returns its URL. */
export async function ensureDatabase(
  adminUrl: string,
  name: string,
  opts: { recreate?: boolean } = {},
): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    if (opts.recreate) await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const rows = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
