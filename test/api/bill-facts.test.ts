/**
 * The bill-facts statement (lib/services/bill-facts.ts) computes each app's month from day ranges
 * instead of one row per app per day. It must give exactly what the per-day statement gave
 * (test/api/bill-facts-reference.ts), row for row and column for column, on varied histories:
 * upgrade mid-month, part-day and whole-day suspensions, refunds (claimed lines, a plan refund),
 * history tier changes, a barrage pack for part of the month, usage on unbilled days, ties, and
 * randomized terms, suspensions and usage. Fixture rows are inserted directly (no services), so
 * every edge can be placed at any instant.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { monthDays } from "@/lib/billing/bills";
import { currentPriceBook } from "@/lib/billing/price-book";
import { appMonthQuery } from "@/lib/services/bill-facts";
import { SLOW } from "../helpers";
import { appMonthQueryPerDay } from "./bill-facts-reference";

/** Shanghai wall time "YYYY-MM-DD HH:MM" → timestamptz text */
const sh = (t: string) => `${t.replace(" ", "T")}:00+08:00`;

let sdk = 1_700_000_000 + Math.floor(Math.random() * 90_000_000);

async function account(): Promise<{ accountId: string; orderId: string }> {
  const accountId = randomUUID();
  const orderId = randomUUID();
  await db().execute(
    sql`insert into accounts (id, name, verified, cash, gift, created_at)
      values (${accountId}::uuid, 'facts', true, 0, 0, '2020-01-01T00:00:00Z')`,
  );
  await db().execute(sql`insert into orders (id, account_id, type, list_total, discount_total, voucher_amount, total,
    paid_cash, paid_gift, paid_voucher, placed_by_role, actor, request, created_at, number)
    values (${orderId}::uuid, ${accountId}::uuid, 'plan', 0, 0, 0, 0, 0, 0, 0, 'owner', 'test', '{}',
      '2020-01-01T00:00:00Z', ${`O-TEST-${orderId}`})`);
  return { accountId, orderId };
}

type Line = {
  product: "plan" | "history" | "barrage_bandwidth";
  edition?: "pro" | "ultimate";
  tier?: string;
  from: string;
  to: string;
  refundId?: string;
};

async function app(
  acc: { accountId: string; orderId: string },
  lines: Line[],
): Promise<{ appId: string; sdkAppId: number }> {
  const appId = randomUUID();
  const sdkAppId = ++sdk;
  await db().execute(sql`insert into apps (id, sdk_app_id, account_id, name, edition, status, status_reason,
    status_changed_at, expires_at, created_at)
    values (${appId}::uuid, ${sdkAppId}, ${acc.accountId}::uuid, 'facts app', 'pro', 'enabled', 'purchased',
      '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`);
  await db().execute(
    sql`insert into app_status_events (app_id, from_status, to_status, reason, actor, at)
      values (${appId}::uuid, null, 'enabled', 'created', 'test', '2020-01-01T00:00:00Z')`,
  );
  let n = 0;
  for (const l of lines) {
    await db().execute(sql`insert into order_lines (order_id, line_no, account_id, app_id, sdk_app_id, product,
      edition, tier, billing, kind, months, period_start, period_end,
        unit_price, list_amount, discount_amount, amount, paid_voucher, paid_gift, paid_cash, refundable,
          price_book_version, refund_id)
      values (${acc.orderId}::uuid, ${++n}, ${acc.accountId}::uuid, ${appId}::uuid, ${String(sdkAppId)}, ${l.product},
        ${l.product === "plan" ? (l.edition ?? "pro") : null},
        ${l.product === "history" ? l.tier! : null}, ${l.product === "plan" ? "prepaid" : "postpaid"}, 'new', 1,
          ${l.from}::timestamptz, ${l.to}::timestamptz,
        0, 0, 0, 0, 0, 0, 0, true, 'test', ${l.refundId ?? null}::uuid)`);
  }
  return { appId, sdkAppId };
}

async function refund(
  acc: { accountId: string },
  a: { appId: string; sdkAppId: number },
  product: string,
  status: string,
  executedAt: string | null,
): Promise<string> {
  const id = randomUUID();
  await db().execute(sql`insert into refunds (id, account_id, app_id, sdk_app_id, product, mode, status, total, cash,
    gift, requested_by, requested_at, executed_at, number)
    values (${id}::uuid, ${acc.accountId}::uuid, ${a.appId}::uuid, ${String(a.sdkAppId)}, ${product}, 'standard',
      ${status}, 0, 0, 0, 'test', '2020-01-01T00:00:00Z', ${executedAt}::timestamptz, ${`R-TEST-${id}`})`);
  return id;
}

async function status(a: { appId: string }, to: string, at: string) {
  await db().execute(
    sql`insert into app_status_events (app_id, from_status, to_status, reason, actor, at)
      values (${a.appId}::uuid, null, ${to}, 'test', 'test', ${at}::timestamptz)`,
  );
}

async function daily(a: { appId: string }, day: string, groups: number, dom: string, intl: string) {
  await db().execute(sql`insert into usage_daily (app_id, day, groups, live_groups, bandwidth_domestic,
    bandwidth_international, updated_at)
    values (${a.appId}::uuid, ${day}::date, ${groups}, 0, ${dom}::numeric, ${intl}::numeric, now())`);
}

async function dau(a: { appId: string }, day: string, n: number) {
  await db().execute(sql`insert into daily_active_users (app_id, day, user_id, first_login_at)
    select ${a.appId}::uuid, ${day}::date, 'u' || g, ${sh(`${day} 08:00`)}::timestamptz
      from generate_series(1, ${n}) as g`);
}

/** Both statements over the given accounts, rows as plain JSON (every column as PostgreSQL gave it). */
async function both(month: string, accountIds: string[]) {
  const book = currentPriceBook();
  const run = (q: ReturnType<typeof appMonthQuery>) =>
    db().transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return JSON.parse(JSON.stringify(await tx.execute(q))) as Record<string, unknown>[];
    });
  return {
    fast: await run(appMonthQuery(book, month, { accountIds })),
    perDay: await run(appMonthQueryPerDay(book, month, { accountIds })),
  };
}

describe("bill facts: day ranges give what one row per day gave", () => {
  it(
    "R-USE-3: upgrade mid-month, suspensions, refunds, history tier " +
      "change, part-month barrage, usage on unbilled days, ties",
    async () => {
      const M = "2031-03";
      const days = monthDays(M);
      const acc = await account();
      const acc2 = await account();
      // 1. pro all month, 30-day history, barrage; usage every day, a tie on the DAU peak (first day wins)
      const plain = await app(acc, [
        { product: "plan", from: sh("2031-02-10 09:00"), to: sh("2031-05-10 09:00") },
        { product: "history", tier: "30", from: sh("2031-02-10 09:00"), to: sh("2031-05-10 09:00") },
        { product: "barrage_bandwidth", from: sh("2031-02-10 09:00"), to: sh("2031-05-10 09:00") },
      ]);
      for (const [i, d] of days.entries()) {
        await daily(plain, d, 1000 + ((i * 37) % 300), (((i * 13) % 7) / 4).toFixed(3), i % 3 ? "0.000" : "0.125");
        await dau(plain, d, i === 6 || i === 20 ? 40 : 1 + (i % 5));
      }
      // 2. pro → ultimate at 10:00 on the 14th (the pro line refunded by
      // the plan change), 30-day → ultimate 90-day history
      const upgraded = await app(acc, [
        { product: "plan", edition: "pro", from: sh("2031-02-01 00:00"), to: sh("2031-05-01 00:00") },
        { product: "history", tier: "30", from: sh("2031-02-01 00:00"), to: sh("2031-05-01 00:00") },
        { product: "plan", edition: "ultimate", from: sh("2031-03-14 10:00"), to: sh("2031-06-14 10:00") },
        { product: "history", tier: "90", from: sh("2031-03-14 10:00"), to: sh("2031-06-14 10:00") },
      ]);
      await refund(acc, upgraded, "plan", "executed", sh("2031-03-14 10:00"));
      await dau(upgraded, "2031-03-03", 12_000);
      await dau(upgraded, "2031-03-20", 12_000);
      await daily(upgraded, "2031-03-14", 150_000, "0.000", "0.000");
      // 3. suspended from 00:00 on the 5th, lifted at 15:00 on the 9th; suspended at 10:00 on the 20th, reclaimed later
      const suspended = await app(acc, [
        { product: "plan", from: sh("2031-01-01 00:00"), to: sh("2032-01-01 00:00") },
        { product: "history", tier: "180", from: sh("2031-01-01 00:00"), to: sh("2031-03-10 12:00") },
        { product: "history", tier: "360", from: sh("2031-03-10 12:00"), to: sh("2032-01-01 00:00") },
        { product: "barrage_bandwidth", from: sh("2031-03-03 00:00"), to: sh("2031-03-17 18:00") },
      ]);
      await status(suspended, "suspended", sh("2031-03-05 00:00"));
      await status(suspended, "enabled", sh("2031-03-09 15:00"));
      await status(suspended, "suspended", sh("2031-03-20 10:00"));
      await status(suspended, "reclaimed", sh("2031-03-25 00:00"));
      for (const d of [
        "2031-03-01",
        "2031-03-04",
        "2031-03-06",
        "2031-03-09",
        "2031-03-16",
        "2031-03-18",
        "2031-03-21",
      ]) {
        await daily(suspended, d, d === "2031-03-06" ? 999_999 : 200_000, "3.500", "1.250");
        await dau(suspended, d, d === "2031-03-21" ? 99_999 : 11_000);
      }
      // 4. a line claimed by an executed refund at noon on the 22nd, a renewal
      // claimed before it started, a pending refund that ends nothing
      const refunded = await app(acc2, []);
      const r1 = await refund(acc2, refunded, "plan", "executed", sh("2031-03-22 12:00"));
      const r2 = await refund(acc2, refunded, "history", "pending", null);
      await db().execute(sql`delete from order_lines where app_id = ${refunded.appId}::uuid`);
      const ol = async (l: Line, n: number) =>
        db().execute(sql`insert into order_lines (order_id, line_no, account_id, app_id, sdk_app_id, product, edition,
          tier, billing, kind, months, period_start, period_end,
          unit_price, list_amount, discount_amount, amount, paid_voucher, paid_gift, paid_cash, refundable,
            price_book_version, refund_id)
        values (${acc2.orderId}::uuid, ${n}, ${acc2.accountId}::uuid, ${refunded.appId}::uuid,
          ${String(refunded.sdkAppId)}, ${l.product}, ${l.product === "plan" ? (l.edition ?? "pro") : null},
          ${l.tier ?? null}, 'prepaid', 'new', 1, ${l.from}::timestamptz, ${l.to}::timestamptz, 0, 0, 0, 0, 0, 0, 0,
            true, 'test', ${l.refundId ?? null}::uuid)`);
      await ol({ product: "plan", from: sh("2031-02-22 12:00"), to: sh("2031-03-22 23:00"), refundId: r1 }, 1);
      await ol({ product: "plan", from: sh("2031-03-22 23:00"), to: sh("2031-04-22 23:00"), refundId: r1 }, 2);
      await ol(
        { product: "history", tier: "90", from: sh("2031-02-22 12:00"), to: sh("2031-04-22 23:00"), refundId: r2 },
        3,
      );
      await dau(refunded, "2031-03-22", 30_000);
      await dau(refunded, "2031-03-23", 90_000);
      // 5. term from 23:30 on the 30th (day counts), term ending exactly at
      // 00:00 on the 3rd (the 3rd does not), no usage at all
      await app(acc2, [
        { product: "plan", edition: "ultimate", from: sh("2031-03-30 23:30"), to: sh("2031-04-30 23:30") },
      ]);
      const early = await app(acc2, [{ product: "plan", from: sh("2031-02-03 00:00"), to: sh("2031-03-03 00:00") }]);
      await daily(early, "2031-03-03", 500_000, "9.000", "9.000");
      // 6. suspended the whole month (no row), a trial app with usage (no row), deleted mid-month
      const dark = await app(acc2, [{ product: "plan", from: sh("2031-01-01 00:00"), to: sh("2032-01-01 00:00") }]);
      await status(dark, "suspended", sh("2031-02-20 00:00"));
      await dau(dark, "2031-03-10", 50_000);
      const trial = await app(acc2, []);
      await dau(trial, "2031-03-10", 50_000);
      const deleted = await app(acc2, [
        { product: "plan", from: sh("2031-01-01 00:00"), to: sh("2032-01-01 00:00") },
        { product: "barrage_bandwidth", from: sh("2031-01-01 00:00"), to: sh("2032-01-01 00:00") },
      ]);
      await status(deleted, "deleted", sh("2031-03-12 08:00"));
      await daily(deleted, "2031-03-11", 10, "0.000", "0.000");
      await daily(deleted, "2031-03-13", 10, "7.000", "7.000");

      for (const month of [M, "2031-02", "2031-04"]) {
        const { fast, perDay } = await both(month, [acc.accountId, acc2.accountId]);
        expect(fast).toEqual(perDay);
        if (month === M) expect(fast.length).toBe(7);
      }
    },
    SLOW,
  );

  it("R-USE-3: randomized terms, plan changes, refunds, suspensions and usage over February and March", async () => {
    // a small deterministic PRNG (mulberry32) so a failure can be replayed
    let seed = 0x5eed_7;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const base = Date.parse("2031-01-20T00:00:00+08:00");
    // instants on Shanghai midnights half of the time, anywhere in the day otherwise
    const instant = (spanDays: number, from = base) => {
      const d = Math.floor(rnd() * spanDays);
      const ms = rnd() < 0.5 ? 0 : Math.floor(rnd() * 24 * 60) * 60_000;
      return from + d * 86_400_000 + ms;
    };
    const iso = (ms: number) => new Date(ms).toISOString();
    const accountIds: string[] = [];
    for (let a = 0; a < 4; a++) {
      const acc = await account();
      accountIds.push(acc.accountId);
      for (let k = 0; k < 12; k++) {
        const lines: Line[] = [];
        const start = instant(40);
        const end = start + (10 + Math.floor(rnd() * 60)) * 86_400_000 + (rnd() < 0.5 ? 0 : 3_600_000);
        const change = rnd() < 0.4 ? instant(Math.max(1, Math.floor((end - start) / 86_400_000)), start) : null;
        lines.push({ product: "plan", edition: pick(["pro", "ultimate"] as const), from: iso(start), to: iso(end) });
        if (change)
          lines.push({ product: "plan", edition: "ultimate", from: iso(change), to: iso(change + 30 * 86_400_000) });
        for (let h = 0; h < Math.floor(rnd() * 3); h++) {
          const s = instant(60);
          lines.push({
            product: "history",
            tier: pick(["30", "90", "180", "360"]),
            from: iso(s),
            to: iso(s + (5 + Math.floor(rnd() * 40)) * 86_400_000),
          });
        }
        if (rnd() < 0.5) {
          const s = instant(60);
          lines.push({
            product: "barrage_bandwidth",
            from: iso(s),
            to: iso(s + (3 + Math.floor(rnd() * 50)) * 86_400_000),
          });
        }
        const a1 = await app(acc, lines);
        if (change) await refund(acc, a1, "plan", "executed", iso(change));
        else if (rnd() < 0.15) await refund(acc, a1, "plan", pick(["executed", "pending"]), iso(instant(60)));
        let t = base;
        for (let e = 0; e < Math.floor(rnd() * 4); e++) {
          t = instant(15, t);
          await status(a1, pick(["suspended", "enabled", "stopped", "grace", "suspended", "reclaimed"]), iso(t));
        }
        for (const d of [...monthDays("2031-02"), ...monthDays("2031-03")]) {
          if (rnd() < 0.35)
            await daily(
              a1,
              d,
              Math.floor(rnd() * 3) * 60_000,
              (Math.floor(rnd() * 4000) / 1000).toFixed(3),
              rnd() < 0.5 ? "0.000" : (Math.floor(rnd() * 2000) / 1000).toFixed(3),
            );
          if (rnd() < 0.3) await dau(a1, d, 1 + Math.floor(rnd() * 4));
        }
      }
    }
    for (const month of ["2031-02", "2031-03"]) {
      const { fast, perDay } = await both(month, accountIds);
      expect(fast).toEqual(perDay);
      expect(fast.length).toBeGreaterThan(10);
    }
  }, 120_000);
});
