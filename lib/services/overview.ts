/** What the customer's overview shows beyond the balance: a handful of statements, whatever the number of apps. */
import "server-only";
import type { MonthSpend } from "@/lib/wire/console";
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apps, bills, ledgerEntries, notifications } from "@/db/schema";
import { DAY_MS, shanghaiDay, shanghaiMidnight } from "@/lib/billing/calendar";
import { money, toMoneyString } from "@/lib/money";

/** "2026-11" → "2026-05" for n = -6 (calendar months, no clock involved). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/**
 * Money spent per Shanghai month over the last `months` months (this one included): prepaid
 * purchases, deducted bills, refunds back; `net` = prepaid + postpaid − refunded. One statement.
 */
export async function spendByMonth(accountId: string, at: Date, months = 12): Promise<MonthSpend[]> {
  const thisMonth = shanghaiDay(at).slice(0, 7);
  const first = addMonths(thisMonth, -(months - 1));
  const amount = sql`(${ledgerEntries.cashDelta} + ${ledgerEntries.giftDelta})`;
  const monthOf = sql<string>`to_char(${ledgerEntries.at} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const rows = await db()
    .select({
      month: monthOf,
      prepaid: sql<string>`coalesce(sum(-${amount}) filter (where ${ledgerEntries.kind} = 'purchase'), 0)::text`,
      postpaid: sql<string>`coalesce(sum(-${amount}) filter (where ${ledgerEntries.kind} = 'bill'), 0)::text`,
      refunded: sql<string>`coalesce(sum(${amount}) filter (where ${ledgerEntries.kind} = 'refund'), 0)::text`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.accountId, accountId),
        gte(ledgerEntries.at, shanghaiMidnight(`${first}-01`)),
        inArray(ledgerEntries.kind, ["purchase", "bill", "refund"]),
      ),
    )
    .groupBy(monthOf);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: months }, (_, i) => {
    const month = addMonths(first, i);
    const r = byMonth.get(month);
    const prepaid = money(r?.prepaid ?? "0"),
      postpaid = money(r?.postpaid ?? "0"),
      refunded = money(r?.refunded ?? "0");
    return {
      month,
      prepaid: toMoneyString(prepaid),
      postpaid: toMoneyString(postpaid),
      refunded: toMoneyString(refunded),
      net: toMoneyString(prepaid.plus(postpaid).minus(refunded)),
    };
  });
}

/**
 * Paid apps whose term ends within `days` (or that have expired and
 * can still be renewed), soonest first. One statement.
 */
export async function renewalsDue(accountId: string, at: Date, days = 30) {
  const rows = await db()
    .select({
      sdkAppId: apps.sdkAppId,
      name: apps.name,
      edition: apps.edition,
      status: apps.status,
      expiresAt: apps.expiresAt,
      autoRenew: apps.autoRenew,
      dontRenew: apps.dontRenew,
    })
    .from(apps)
    .where(
      and(
        eq(apps.accountId, accountId),
        ne(apps.edition, "trial"),
        inArray(apps.status, ["enabled", "grace"]),
        lt(apps.expiresAt, new Date(at.getTime() + days * DAY_MS)),
      ),
    )
    .orderBy(asc(apps.expiresAt), asc(apps.sdkAppId))
    .limit(50);
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt!.toISOString() }));
}

/** The account's newest bill, without its lines. One statement. */
export async function latestBill(accountId: string) {
  const [b] = await db()
    .select({
      id: bills.id,
      billNo: bills.billNo,
      month: bills.month,
      status: bills.status,
      total: bills.total,
      pushedAt: bills.pushedAt,
    })
    .from(bills)
    .where(eq(bills.accountId, accountId))
    .orderBy(desc(bills.month), desc(bills.billNo))
    .limit(1);
  return b ? { ...b, total: toMoneyString(money(b.total)), pushedAt: b.pushedAt.toISOString() } : null;
}

/** How many notifications are unread and the newest three of them (kind and instant). One statement. */
export async function unreadSummary(accountId: string) {
  const rows = await db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(3);
  return {
    count: rows[0]?.total ?? 0,
    latest: rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.createdAt.toISOString() })),
  };
}
