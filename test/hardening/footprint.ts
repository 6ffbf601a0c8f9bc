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
  const [u] = await db().execute<{ n: string }>(sql`
    SELECT (SELECT count(*) FROM usage_daily d JOIN apps p ON p.id = d.app_id WHERE p.account_id IN (${ids}))
         + (SELECT count(*) FROM daily_active_users d JOIN apps p ON p.id = d.app_id
            WHERE p.account_id IN (${ids})) AS n`);
  return n + Number(a!.n) + Number(u!.n);
}
