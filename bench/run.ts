/**
 * Benchmarks that print figures (not tests): the pure quote, purchases sequential and concurrent,
 * one account under contention, refund previews and the apps list, on a fresh database.
 *   npm run bench                  (embedded PostgreSQL in .data/bench-pg, or DATABASE_URL's server)
 */
import "../db/server-only-off";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { ensureDatabase, runMigrations } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedPg } from "../db/embedded";

type Stats = { n: number; p50: number; p95: number; max: number; total: number };

function stats(samples: number[], total: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0, total };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

function row(name: string, st: Stats, unit = "ms") {
  const rate = st.total > 0 ? ((st.n / st.total) * 1000).toFixed(1) : "—";
  console.log(
    `${name.padEnd(52)} n=${String(st.n).padStart(6)}  p50=${st.p50.toFixed(2).padStart(8)}${unit}  ` +
      `p95=${st.p95.toFixed(2).padStart(8)}${unit}  max=${st.max.toFixed(2).padStart(8)}${unit}  ${rate.padStart(9)}/s`,
  );
}

async function main() {
  const given = process.env.DATABASE_URL;
  let embedded: EmbeddedPg | undefined;
  let adminUrl = given;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: ".data/bench-pg", port: 54359, fresh: true });
    adminUrl = embedded.url;
  }
  const name = `imb_bench_${Date.now()}`;
  const url = await ensureDatabase(adminUrl, name, { recreate: true });
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.APP_MODE = "test";

  const { closeDb } = await import("../db/client");
  const { createAccount, topUp, verifyAccount } = await import("../lib/services/accounts");
  const { createApp, listApps, appsJson } = await import("../lib/services/apps");
  const { placeOrder } = await import("../lib/services/purchase");
  const { previewRefund } = await import("../lib/services/refund");
  const { quote } = await import("../lib/billing/quote");
  const { currentPriceBook } = await import("../lib/billing/price-book");
  const { db } = await import("../db/client");
  const { users } = await import("../db/schema");
  const { now } = await import("../lib/clock");

  try {
    const at = await now();
    const [opUser] = await db()
      .insert(users)
      .values({
        email: `bench-op-${Date.now()}@bench`,
        name: "bench",
        passwordHash: "!",
        kind: "operator",
        createdAt: at,
      })
      .returning();
    const op = { kind: "operator" as const, userId: opUser!.id };
    const customer = async (i: number) => {
      const r = await createAccount(op, {
        name: `bench ${i}`,
        ownerEmail: `bench-${i}-${Date.now()}@bench`,
        ownerPassword: "bench-password-1",
      });
      await verifyAccount(op, r.account.id);
      await topUp(op, r.account.id, { cash: "9999999.00", note: "bench" });
      return { kind: "customer" as const, accountId: r.account.id, role: "owner" as const, userId: r.ownerId };
    };

    console.log(
      `bench: database ${name} (${embedded ? "embedded PostgreSQL" : "DATABASE_URL server"}), node ${process.version}`,
    );

    // 1. the pure quote
    const input = {
      book: currentPriceBook(),
      now: at,
      campaigns: [],
      voucher: null,
      account: { verified: true, role: "owner" as const, hasEarlierOrder: true, usedCampaignIds: [] },
      apps: [
        {
          id: "a",
          sdkAppId: 1400000001,
          name: "a",
          edition: "trial" as const,
          status: "enabled" as const,
          expiresAt: null,
          packs: [],
        },
      ],
    };
    const req = {
      type: "plan" as const,
      sdkAppId: 1400000001,
      edition: "ultimate" as const,
      months: 12,
      packs: [{ pack: "group_members" as const, tier: "6000" }],
      agreeSla: true as const,
    };
    const qs: number[] = [];
    const qStart = performance.now();
    for (let i = 0; i < 20000; i++) {
      const t = performance.now();
      quote(input, req);
      qs.push(performance.now() - t);
    }
    row("pure quote (ultimate × 12 + pack)", stats(qs, performance.now() - qStart));

    // 2. purchases, one after another
    const solo = await customer(0);
    const soloApps = [];
    for (let i = 0; i < 100; i++) soloApps.push(await createApp(solo, { name: `s${i}` }));
    const seq: number[] = [];
    const seqStart = performance.now();
    for (const [i, a] of soloApps.entries()) {
      const [, ms] = await timed(() =>
        placeOrder(
          solo,
          {
            type: "plan",
            sdkAppId: a.sdkAppId,
            edition: "pro",
            months: 1 + (i % 12),
            packs: [{ pack: "security_advanced", tier: null }],
            agreeSla: true,
          },
          `seq-${i}`,
        ),
      );
      seq.push(ms);
    }
    row("placeOrder sequential (plan + pack, 1 account)", stats(seq, performance.now() - seqStart));

    // 3. purchases from 10 accounts, 10 at a time
    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => customer(i + 1)));
    const jobs: { actor: (typeof many)[number]; sdkAppId: number; key: string }[] = [];
    for (const [ai, actor] of many.entries()) {
      for (let i = 0; i < 20; i++)
        jobs.push({ actor, sdkAppId: (await createApp(actor, { name: `c${i}` })).sdkAppId, key: `par-${ai}-${i}` });
    }
    const par: number[] = [];
    const parStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < jobs.length) {
          const j = jobs[next++]!;
          const [, ms] = await timed(() =>
            placeOrder(
              j.actor,
              { type: "plan", sdkAppId: j.sdkAppId, edition: "ultimate", months: 12, packs: [], agreeSla: true },
              j.key,
            ),
          );
          par.push(ms);
        }
      }),
    );
    row("placeOrder, 10 accounts, concurrency 10", stats(par, performance.now() - parStart));

    // 4. one account, 50 concurrent orders (serialised by the account lock)
    const hot = await customer(99);
    const hotApps = [];
    for (let i = 0; i < 50; i++) hotApps.push(await createApp(hot, { name: `h${i}` }));
    const hotStart = performance.now();
    const hotTimes = await Promise.all(
      hotApps.map((a, i) =>
        timed(() =>
          placeOrder(
            hot,
            { type: "plan", sdkAppId: a.sdkAppId, edition: "pro", months: 3, packs: [], agreeSla: true },
            `hot-${i}`,
          ),
        ).then(([, ms]) => ms),
      ),
    );
    row("placeOrder, 1 account, 50 at once (lock contention)", stats(hotTimes, performance.now() - hotStart));

    // 5. refund previews
    const pv: number[] = [];
    const pvStart = performance.now();
    for (const a of soloApps) {
      const [, ms] = await timed(() =>
        previewRefund(solo, { sdkAppId: a.sdkAppId, product: "plan", mode: "standard" }),
      );
      pv.push(ms);
    }
    row("refund preview (plan + pack)", stats(pv, performance.now() - pvStart));

    // 6. the apps list with packs, 100 apps
    const ls: number[] = [];
    const lsStart = performance.now();
    for (let i = 0; i < 100; i++) {
      const [, ms] = await timed(async () => appsJson(await listApps(solo.accountId)));
      ls.push(ms);
    }
    row("apps list with packs (100 apps)", stats(ls, performance.now() - lsStart));
  } finally {
    await closeDb();
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end({ timeout: 5 });
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
