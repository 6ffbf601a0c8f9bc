import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";

/** Monthly partitions are kept this many months ahead of the current month (issue 11, docs/scaling.md). */
export const PARTITION_MONTHS_AHEAD = 3;

/**
 * Makes sure daily_active_users and usage_daily have monthly partitions from `at`'s month to
 * PARTITION_MONTHS_AHEAD months after it (migration 0008's imb_ensure_usage_partitions; rows already in
 * the default partition for a new month move into it). Run at every start (db/launch.ts) and daily by the
 * scheduler tick; idempotent and safe with several callers. Returns how many partitions it made.
 */
export async function ensureUsagePartitions(conn: DbOrTx, at: Date): Promise<number> {
  const first = `${at.toISOString().slice(0, 7)}-01`;
  const [row] = await conn.execute<{ made: number }>(
    sql`select imb_ensure_usage_partitions(${first}::date,
      (${first}::date + make_interval(months => ${PARTITION_MONTHS_AHEAD}))::date) as made`,
  );
  return Number(row?.made ?? 0);
}
