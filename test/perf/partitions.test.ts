/**
 * Issue 11: daily_active_users and usage_daily are partitioned by month. Rows go to their month's
 * partition; a month that had no partition yet lands in the default partition, and making that month's
 * partition later moves its rows out of the default (upserts keep working across all of it).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { db } from "@/db/client";
import * as schema from "@/db/schema";
import { ensureDatabase, runMigrations } from "@/db/migrate";
import { ensureUsagePartitions } from "@/db/partitions";

describe("usage tables partitioned by month (issue 11)", () => {
  it("both tables are partitioned by range of day, with a default partition and this month's partition", async () => {
    const rows = await db().execute<{ parent: string; part: string }>(sql`
      select p.relname as parent, c.relname as part from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
      where p.relname in ('daily_active_users', 'usage_daily')`);
    const month = new Date().toISOString().slice(0, 7).replace("-", "");
    for (const t of ["daily_active_users", "usage_daily"]) {
      const parts = rows.filter((r) => r.parent === t).map((r) => r.part);
      expect(parts).toContain(`${t}_default`);
      expect(parts).toContain(`${t}_${month}`);
    }
  });

  it("a month with no partition lands in the default; making the partition moves its rows; upserts merge", async () => {
    // Making a partition takes table locks that other test files' readers would deadlock with: this
    // runs on a database of its own, migrated like the run's.
    const url = await ensureDatabase(process.env.DATABASE_URL!, `imb_test_parts_${Date.now()}_${process.pid}`, {
      recreate: true,
    });
    await runMigrations(url);
    const client = postgres(url, { max: 2, onnotice: () => {} });
    const own = drizzle(client, { schema });
    try {
      const accountId = randomUUID();
      const appId = randomUUID();
      const at = new Date().toISOString();
      await own.execute(
        sql`insert into accounts (id, name, created_at) values (${accountId}::uuid, 'partitions', ${at}::timestamptz)`,
      );
      await own.execute(
        sql`insert into apps (id, account_id, name, status_changed_at, created_at)
          values (${appId}::uuid, ${accountId}::uuid, 'partitioned', ${at}::timestamptz, ${at}::timestamptz)`,
      );
      const partitionOf = async (table: string, day: string) =>
        (
          await own.execute<{ part: string }>(
            sql`select tableoid::regclass::text as part from ${sql.identifier(table)} where app_id = ${appId}
              and day = ${day}::date`,
          )
        ).map((r) => r.part);
      const day = "2031-05-10";
      await own.execute(
        sql`insert into daily_active_users (app_id, day, user_id, first_login_at)
          values (${appId}, ${day}::date, 'u1', ${at}::timestamptz)`,
      );
      await own.execute(
        sql`insert into usage_daily (app_id, day, groups, updated_at)
          values (${appId}, ${day}::date, 3, ${at}::timestamptz)`,
      );
      expect(await partitionOf("daily_active_users", day)).toEqual(["daily_active_users_default"]);
      expect(await partitionOf("usage_daily", day)).toEqual(["usage_daily_default"]);

      expect(await ensureUsagePartitions(own, new Date("2031-05-01T00:00:00Z"))).toBeGreaterThanOrEqual(2);
      expect(await partitionOf("daily_active_users", day)).toEqual(["daily_active_users_203105"]);
      expect(await partitionOf("usage_daily", day)).toEqual(["usage_daily_203105"]);
      expect(await ensureUsagePartitions(own, new Date("2031-05-01T00:00:00Z"))).toBe(0);

      // the primary key (with the partition key in it) still decides the upsert
      await own.execute(sql`insert into usage_daily (app_id, day, groups, updated_at)
        values (${appId}, ${day}::date, 7, ${at}::timestamptz)
        on conflict (app_id, day) do update set groups = greatest(usage_daily.groups, excluded.groups)`);
      const [r] = await own.execute<{ groups: number; n: number }>(
        sql`select max(groups)::int as groups, count(*)::int as n from usage_daily where app_id = ${appId}`,
      );
      expect(r).toEqual({ groups: 7, n: 1 });
    } finally {
      await client.end({ timeout: 5 });
      const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await admin
        .unsafe(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
        .finally(() => admin.end({ timeout: 5 }));
    }
  }, 60_000);
});
