import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/**
 * Rows that belong to these accounts (every table with an account_id, so tables added later count too,
 * plus usage rows of their apps) and audit rows written by these actors. A refused request must leave
 * it unchanged.
 */
export async function footprint(accountIds: string[], actorTags: string[]): Promise<number> {
  const tables = await db().execute<{ table_name: string }>(sql`
    SELECT DISTINCT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'account_id' AND table_name <> 'audit_log'`);
  const ids = sql.join(
    accountIds.map((a) => sql`${a}::uuid`),
    sql`, `,
  );
  let n = 0;
  for (const { table_name } of tables) {
    const [r] = await db().execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM ${sql.identifier(table_name)} WHERE account_id IN (${ids})`,
    );
    n += Number(r!.n);
  }
  const tags = sql.join(
    actorTags.map((t) => sql`${t}`),
    sql`, `,
  );
  const [a] = await db().execute<{ n: string }>(
    sql`SELECT count(*) AS n FROM audit_log WHERE account_id IN (${ids}) OR actor IN (${tags})`,
  );
  // Usage rows by the accounts' app ids, so that each count is an index range on the tables' (app_id, …)
  // keys: joined to apps, the planner may scan every partition of a shared test database that other
  // tests filled with hundreds of thousands of rows (a quarter of a second a call).
  const appIds = await db().execute<{ id: string }>(sql`SELECT id FROM apps WHERE account_id IN (${ids})`);
  let usage = 0;
  if (appIds.length) {
    const list = sql`ARRAY[${sql.join(
      appIds.map((r) => sql`${r.id}::uuid`),
      sql`, `,
    )}]`;
    const [u] = await db().execute<{ n: string }>(sql`
      SELECT (SELECT count(*) FROM usage_daily WHERE app_id = ANY(${list}))
           + (SELECT count(*) FROM daily_active_users WHERE app_id = ANY(${list})) AS n`);
    usage = Number(u!.n);
  }
  return n + Number(a!.n) + usage;
}
