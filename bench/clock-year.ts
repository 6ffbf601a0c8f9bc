/**
 * One test-clock move of a year over 10,000 paid apps (issue 7): how long the scheduler's catch-up
 * takes and how many statements it sends. Apps are inserted in bulk with terms ending across the
 * year, so each one expires, goes to grace, is suspended and (for the early ones) reclaimed, with
 * its reminders, inside the year.
 *   npm run bench:clock           (embedded PostgreSQL in .data/bench-pg, or DATABASE_URL's server)
 */
import "../db/server-only-off";
import { performance } from "node:perf_hooks";
import { ensureDatabase, runMigrations } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedPg } from "../db/embedded";

const APPS = Number(process.env.BENCH_APPS ?? 10_000);
const PER_ACCOUNT = 10;

async function main() {
  let embedded: EmbeddedPg | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: ".data/bench-pg", port: 54359, fresh: true });
    adminUrl = embedded.url;
  }
  const url = await ensureDatabase(adminUrl, `imb_bench_clock_${Date.now()}`, { recreate: true });
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.APP_MODE = "test";
  const { db, closeDb, statementCount } = await import("../db/client");
  const { sql } = await import("drizzle-orm");
  const { runDue } = await import("../lib/services/scheduler");
  const { DAY_MS } = await import("../lib/billing/calendar");
  try {
    const t0 = new Date("2027-01-01T00:00:00+08:00");
    const t0s = t0.toISOString();
    const accounts = Math.ceil(APPS / PER_ACCOUNT);
    const setup = performance.now();
    await db().execute(sql`
      insert into accounts (id, name, verified, cash, gift, created_at)
      select md5('acct' || i)::uuid, 'bench ' || i, true, 0, 0, ${t0s}::timestamptz
        from generate_series(1, ${accounts}) as i`);
    await db().execute(sql`
      insert into apps (account_id, name, edition, status, status_reason, status_changed_at, expires_at, auto_renew,
                        created_at)
      select md5('acct' || (1 + (i - 1) / ${PER_ACCOUNT}))::uuid, 'app ' || i,
             case when i % 3 = 0 then 'ultimate' else 'pro' end, 'enabled', 'purchased', ${t0s}::timestamptz,
             ${t0s}::timestamptz + ((i * 7919) % 365) * interval '1 day' + ((i * 104729) % 86400) * interval '1 second',
             false, ${t0s}::timestamptz
      from generate_series(1, ${APPS}) as i`);
    console.log(
      `setup: ${accounts} accounts, ${APPS} paid apps in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
    );

    const before = statementCount();
    const t = performance.now();
    const ran = await runDue(t0, new Date(t0.getTime() + 365 * DAY_MS));
    const seconds = (performance.now() - t) / 1000;
    const statements = statementCount() - before;
    const counts = await db().execute<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from apps group by status order by status`,
    );
    const notes = await db().execute<{ n: number }>(sql`select count(*)::int as n from notifications`);
    console.log(
      `one move of 365 days over ${APPS} apps: ${seconds.toFixed(1)} s, ${statements} statements ` +
        `(${(statements / APPS).toFixed(1)} per app)`,
    );
    console.log(`rules ran: ${JSON.stringify(ran)}`);
    console.log(
      `apps by status after: ${counts.map((r) => `${r.status} ${r.n}`).join(", ")}; notifications: ${notes[0]!.n}`,
    );
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
