import "server-only";
import postgres from "postgres";
import { Column, is, Param, Placeholder, SQL } from "drizzle-orm";
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

/**
 * Whether statements are counted: in test mode, or with DB_COUNT_STATEMENTS=1 (benchmarks). The count comes
 * from the driver's debug hook, and with a debug hook set postgres.js captures a stack trace (`new Error()`)
 * for every query it builds: about 15 µs of CPU a statement under load (issue 11), 13 times an order. So a
 * production server runs without it.
 */
function counting(): boolean {
  return env.appMode === "test" || process.env.DB_COUNT_STATEMENTS === "1";
}

/** How many statements this process has sent to PostgreSQL (benchmarks and statement-count tests). */
export function statementCount(): number {
  db();
  if (!counting()) throw new Error("statements are counted only in test mode or with DB_COUNT_STATEMENTS=1");
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
  // Made once, not on every `sql.unsafe` read (a hot path: every statement).
  const unsafe = (query: string, params: unknown[] = [], options: Record<string, unknown> = {}) =>
    sql.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
      ...options,
      prepare: params.length <= PREPARE_MAX_PARAMS,
    });
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") return unsafe;
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
    debug: counting()
      ? () => {
          statements.n += 1;
        }
      : undefined,
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

/**
 * `build(client)` made once a database client (a prepared statement, issue 11): drizzle builds its SQL at the
 * first call, later calls only bind values. Keyed by the client, so a new pool (tests, closeDb) builds anew.
 */
export function oncePerClient<T>(build: (conn: Db) => T): (conn: Db) => T {
  const built = new WeakMap<Db, T>();
  return (conn) => {
    let value = built.get(conn);
    if (value === undefined) {
      value = build(conn);
      built.set(conn, value);
    }
    return value;
  };
}

/** What leanSelect reads of a drizzle prepared query (drizzle-orm 0.45's PostgresJsPreparedQuery). */
type PreparedInternals = {
  client: postgres.Sql;
  queryString: string;
  params: unknown[];
  prepare: boolean;
  fields?: { path: string[]; field: unknown }[];
  joinsNotNullableMap?: Record<string, boolean>;
};

/**
 * A prepared drizzle select, run through the driver without drizzle's per-call layers (issue 11): its
 * `execute` wraps each call in tracing spans, a result cache and a row mapper that tests each field's
 * kind again on every row — on the quote's one statement, 90 µs of CPU against the driver's 140. This
 * runs the same SQL with the same parameters and builds the same row shape, with each field's decoder
 * looked up once. Only for selects without left joins (drizzle's nulling of a missing joined row).
 */
export function leanSelect<Q extends { execute(values?: Record<string, unknown>): Promise<unknown> }>(
  query: Q,
): (values: Record<string, unknown>) => ReturnType<Q["execute"]> {
  const q = query as unknown as PreparedInternals;
  if (!q.fields || typeof q.queryString !== "string" || !Array.isArray(q.params))
    throw new Error("leanSelect: not a drizzle select prepared with .prepare()");
  if (Object.values(q.joinsNotNullableMap ?? {}).some((notNull) => !notNull))
    throw new Error("leanSelect: a left join needs drizzle's own mapping");
  type Decoder = { mapFromDriverValue(v: unknown): unknown };
  const fields = q.fields.map(({ path, field }) => {
    const decoder: Decoder = is(field, Column)
      ? field
      : is(field, SQL)
        ? (field as unknown as { decoder: Decoder }).decoder
        : (field as { sql: { decoder: Decoder } }).sql.decoder;
    return { path, decode: (v: unknown) => (v === null ? null : decoder.mapFromDriverValue(v)) };
  });
  // Each parameter's source worked out once (drizzle's fillPlaceholders works it out again on every call):
  // a placeholder's value (through its column's encoder when it has one) or a value fixed in the query.
  type Encoder = { mapToDriverValue(v: unknown): unknown };
  type Source = { name: string; encoder: Encoder | null } | { name: null; value: unknown };
  const sources: Source[] = q.params.map((p) => {
    if (is(p, Placeholder)) return { name: p.name, encoder: null };
    if (is(p, Param) && is(p.value, Placeholder))
      return { name: p.value.name, encoder: p.encoder as unknown as Encoder };
    return { name: null, value: p };
  });
  const options = { prepare: q.prepare };
  const run = async (values: Record<string, unknown>) => {
    const params = sources.map((src) => {
      if (src.name === null) return src.value;
      if (!(src.name in values)) throw new Error(`No value for placeholder "${src.name}" was provided`);
      return src.encoder ? src.encoder.mapToDriverValue(values[src.name]) : values[src.name];
    });
    const rows = await q.client.unsafe(q.queryString, params as never[], options).values();
    return rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const { path, decode } = fields[i]!;
        let node = out;
        for (let d = 0; d < path.length - 1; d++) {
          const key = path[d]!;
          node[key] ??= {};
          node = node[key] as Record<string, unknown>;
        }
        node[path[path.length - 1]!] = decode(row[i]);
      }
      return out;
    });
  };
  return run as (values: Record<string, unknown>) => ReturnType<Q["execute"]>;
}

export async function closeDb(): Promise<void> {
  const sql = globalForDb.__imbSql;
  globalForDb.__imbSql = undefined;
  wrapped = undefined;
  await sql?.end({ timeout: 5 });
}
