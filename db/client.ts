import "server-only";
import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

// The connection pool lives on globalThis: one pool a process, shared by Next's bundle of this module and
// the fast API layer's (lib/http/fast-api.ts). Each copy keeps its own drizzle wrapper over it, so queries
// are always built and run by one drizzle copy with its own schema objects.
const globalForDb = globalThis as unknown as { __imbSql?: postgres.Sql; __imbStatements?: { n: number } };
globalForDb.__imbStatements ??= { n: 0 };
const statements = globalForDb.__imbStatements;
let wrapped: { sql: postgres.Sql; db: Db } | undefined;

/** How many statements this process has sent to PostgreSQL (benchmarks and statement-count tests). */
export function statementCount(): number {
  return statements.n;
}

/** A statement with more parameters than this (a bulk insert) is parsed each time, never kept. */
export const PREPARE_MAX_PARAMS = 100;

/**
 * Issue 11: drizzle runs every statement unnamed (postgres.js then sends its text, and PostgreSQL parses
 * and plans it, on every execution). Through this wrapper every statement with at most PREPARE_MAX_PARAMS
 * parameters is a named prepared statement: parsed and planned once a connection, then only bound and
 * executed. The set stays bounded (the code's query shapes); bulk inserts stay unnamed. Transactions and
 * savepoints hand drizzle the same wrapper. DB_PREPARE=off turns it off (e.g. behind a transaction-mode
 * pooler such as PgBouncer's, where named statements do not survive).
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  type Fn = (...args: unknown[]) => unknown;
  const scoped =
    (method: "begin" | "savepoint") =>
    (...args: unknown[]) => {
      const body = args.pop() as (tx: postgres.Sql) => unknown;
      return (sql as unknown as Record<string, Fn>)[method]!(...args, (tx: postgres.Sql) => body(preparing(tx)));
    };
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe")
        return (query: string, params: unknown[] = [], options: Record<string, unknown> = {}) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: params.length <= PREPARE_MAX_PARAMS,
          });
      if (prop === "begin" || prop === "savepoint") return scoped(prop);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** The one database client; connects on first use, never at import (so `next build` needs no database). */
export function db(): Db {
  globalForDb.__imbSql ??= postgres(env.databaseUrl, {
    max: Number(process.env.DB_POOL_MAX ?? 10),
    prepare: process.env.DB_PREPARE !== "off",
    onnotice: () => {},
    debug: () => {
      statements.n += 1;
    },
  });
  const sql = globalForDb.__imbSql;
  if (wrapped?.sql !== sql) wrapped = { sql, db: drizzle(preparing(sql), { schema }) };
  return wrapped.db;
}

/** `select 1` straight through the driver (the health check: no query to build). */
export async function ping(): Promise<void> {
  db();
  await globalForDb.__imbSql!`select 1`;
}

export async function closeDb(): Promise<void> {
  const sql = globalForDb.__imbSql;
  globalForDb.__imbSql = undefined;
  wrapped = undefined;
  await sql?.end({ timeout: 5 });
}
