import "server-only";
import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

const globalForDb = globalThis as unknown as { __imbSql?: postgres.Sql; __imbDb?: Db; __imbStatements?: { n: number } };
const statements = (globalForDb.__imbStatements ??= { n: 0 });

/** How many statements this process has sent to PostgreSQL (benchmarks and statement-count tests). */
export function statementCount(): number {
  return statements.n;
}

/** The one database client; connects on first use, never at import (so `next build` needs no database). */
export function db(): Db {
  if (!globalForDb.__imbDb) {
    const sql = postgres(env.databaseUrl, {
      max: Number(process.env.DB_POOL_MAX ?? 10),
      onnotice: () => {},
      debug: () => {
        statements.n += 1;
      },
    });
    globalForDb.__imbSql = sql;
    globalForDb.__imbDb = drizzle(sql, { schema });
  }
  return globalForDb.__imbDb;
}

export async function closeDb(): Promise<void> {
  await globalForDb.__imbSql?.end({ timeout: 5 });
  globalForDb.__imbSql = undefined;
  globalForDb.__imbDb = undefined;
}
