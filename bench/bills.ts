/**
 * Bill-run benchmark (issue 7): the month's bill run over 10,000 and 100,000 paid apps × 31 days of
 * usage, each against one raw SQL aggregate over the same rows in the same database. Goals: the run
 * within 2× of the raw aggregate, and 100,000 within 11× of 10,000.
 *   npm run bench:bills            (embedded PostgreSQL in .data/bench-pg, or DATABASE_URL's server)
 *   BENCH_BILLS_SIZES=10000 npm run bench:bills
 * Fixture rows are bulk-inserted with generate_series: 100 apps per account, one pro plan line per
 * app covering the month, the 30-day history pack on every 4th app, barrage bandwidth on every 5th,
 * daily figures for every app-day (1 % of apps over the free peak groups), one login per app-day.
 */
import "../db/server-only-off";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { ensureDatabase, runMigrations } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedPg } from "../db/embedded";
import { fixture, MONTH } from "./bills-fixture";

const RAW = `
  select a.account_id, u.app_id, max(u.groups) as peak_groups, max(coalesce(d.n, 0)) as peak_dau,
         sum(u.bandwidth_domestic) as dom, sum(u.bandwidth_international) as intl, count(*) as days
  from usage_daily u
  join apps a on a.id = u.app_id
  left join (select app_id, day, count(*) as n from daily_active_users
             where day between '${MONTH}-01' and '${MONTH}-31' group by app_id, day) d
    on d.app_id = u.app_id and d.day = u.day
  where u.day between '${MONTH}-01' and '${MONTH}-31'
  group by a.account_id, u.app_id`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, (performance.now() - t) / 1000];
}

async function main() {
  const sizes = (process.env.BENCH_BILLS_SIZES ?? "10000,100000").split(",").map(Number);
  const given = process.env.DATABASE_URL;
  let embedded: EmbeddedPg | undefined;
  let adminUrl = given;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: ".data/bench-pg", port: 54359, fresh: true });
    adminUrl = embedded.url;
  }
  const results: { apps: number; raw: number; run: number; bills: number }[] = [];
  try {
    for (const apps of sizes) {
      const name = `imb_bench_bills_${apps}_${Date.now()}`;
      const url = await ensureDatabase(adminUrl, name, { recreate: true });
      await runMigrations(url);
      process.env.DATABASE_URL = url;
      process.env.APP_MODE = "test";
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      const { closeDb } = await import("../db/client");
      const { makeMonthBills } = await import("../lib/services/bills");
      const { pushAt } = await import("../lib/billing/arrears");
      try {
        const [, setup] = await timed(() => fixture(sql, apps));
        console.log(`bills bench: ${apps.toLocaleString("en-US")} apps × 31 days — fixture in ${setup.toFixed(1)} s`);
        await sql.unsafe(RAW); // warm the cache for both
        const [rawRows, raw] = await timed(() => sql.unsafe(RAW));
        const { appMonthSummaries } = await import("../lib/services/bill-facts");
        const { currentPriceBook } = await import("../lib/billing/price-book");
        const { db, statementCount } = await import("../db/client");
        const [, facts] = await timed(() => appMonthSummaries(db(), currentPriceBook(), MONTH));
        console.log(`  the bill run's one facts statement alone: ${facts.toFixed(2)} s`);
        const before = statementCount();
        const [bills, run] = await timed(() => makeMonthBills(MONTH, pushAt(MONTH)));
        const statements = statementCount() - before;
        console.log(
          `  raw aggregate: ${raw.toFixed(2)} s (${rawRows.length} apps) · ` +
            `bill run: ${run.toFixed(2)} s (${bills} bills, ${statements} statements) · ` +
            `run / raw = ${(run / raw).toFixed(2)}× (goal ≤ 2×)`,
        );
        results.push({ apps, raw, run, bills });
      } finally {
        await sql.end({ timeout: 5 });
        await closeDb();
        const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end({ timeout: 5 });
      }
    }
    const small = results.find((r) => r.apps === 10_000);
    const big = results.find((r) => r.apps === 100_000);
    if (small && big)
      console.log(
        `  100,000 / 10,000: bill run ${(big.run / small.run).toFixed(2)}× (goal ≤ 11×), ` +
          `raw aggregate ${(big.raw / small.raw).toFixed(2)}×`,
      );
  } finally {
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
