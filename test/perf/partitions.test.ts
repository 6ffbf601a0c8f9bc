/**
 * Issue 11: daily_active_users and usage_daily are partitioned by month. Rows go to their month's
 * partition; a month that had no partition yet lands in the default partition, and making that month's
 * partition later moves its rows out of the default (upserts keep working across all of it).
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { ensureUsagePartitions } from "@/db/partitions";
import { now } from "@/lib/clock";
import { createApp } from "@/lib/services/apps";
import { createCustomer, createOperator } from "../helpers";

async function partitionOf(table: string, appId: string, day: string): Promise<string[]> {
  const rows = await db().execute<{ part: string }>(sql`select tableoid::regclass::text as part from ${sql.identifier(table)} where app_id = ${appId} and day = ${day}::date`);
  return rows.map((r) => r.part);
}

describe("usage tables partitioned by month (issue 11)", () => {
  it("both tables are partitioned by range of day, with a default partition and this month's partition", async () => {
    const rows = await db().execute<{ parent: string; part: string }>(sql`
      select p.relname as parent, c.relname as part from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname in ('daily_active_users', 'usage_daily')`);
    const month = new Date().toISOString().slice(0, 7).replace("-", "");
    for (const t of ["daily_active_users", "usage_daily"]) {
      const parts = rows.filter((r) => r.parent === t).map((r) => r.part);
      expect(parts).toContain(`${t}_default`);
      expect(parts).toContain(`${t}_${month}`);
    }
  });

  it("a month without a partition lands in the default; making the partition moves its rows; upserts still merge", async () => {
    const c = await createCustomer(await createOperator(), { verified: true });
    const app = await createApp(c.actor, { name: "partitioned" });
    const day = "2031-05-10";
    const at = await now();
    await db().execute(sql`insert into daily_active_users (app_id, day, user_id, first_login_at) values (${app.id}, ${day}::date, 'u1', ${at.toISOString()}::timestamptz)`);
    await db().execute(sql`insert into usage_daily (app_id, day, groups, updated_at) values (${app.id}, ${day}::date, 3, ${at.toISOString()}::timestamptz)`);
    expect(await partitionOf("daily_active_users", app.id, day)).toEqual(["daily_active_users_default"]);
    expect(await partitionOf("usage_daily", app.id, day)).toEqual(["usage_daily_default"]);

    expect(await ensureUsagePartitions(db(), new Date("2031-05-01T00:00:00Z"))).toBeGreaterThanOrEqual(2);
    expect(await partitionOf("daily_active_users", app.id, day)).toEqual(["daily_active_users_203105"]);
    expect(await partitionOf("usage_daily", app.id, day)).toEqual(["usage_daily_203105"]);
    expect(await ensureUsagePartitions(db(), new Date("2031-05-01T00:00:00Z"))).toBe(0);

    // the primary key (with the partition key in it) still decides the upsert
    await db().execute(sql`insert into usage_daily (app_id, day, groups, updated_at) values (${app.id}, ${day}::date, 7, ${at.toISOString()}::timestamptz)
      on conflict (app_id, day) do update set groups = greatest(usage_daily.groups, excluded.groups)`);
    const [r] = await db().execute<{ groups: number; n: number }>(sql`select max(groups)::int as groups, count(*)::int as n from usage_daily where app_id = ${app.id}`);
    expect(r).toEqual({ groups: 7, n: 1 });
  });
});
