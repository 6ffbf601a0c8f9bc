/**
 * Balance alert (余额预警, R-LIFE-8): the owner's threshold, and the daily check. An alert goes out the
 * moment a change of balance takes `available` below the threshold (ledger `post`), and at each Shanghai
 * midnight while it stays below — once a day, at most 5 days in a row, re-armed once at or above again.
 */
import "server-only";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { balanceAlerts, ledgerEntries } from "@/db/schema";
import type { CustomerActor } from "@/lib/auth/actor";
import { MAX_ALERT_DAYS } from "@/lib/billing/balance-alert";
import { midnightsBetween, shanghaiDay } from "@/lib/billing/calendar";
import { now } from "@/lib/clock";
import { money, toMoneyString, type Money } from "@/lib/money";
import { writeAudit } from "./audit";
import { checkBalanceAlert } from "./balance-alert-check";
import { balanceOf, lockAccount } from "./ledger";
import { accountJson } from "@/lib/wire";

export type BalanceAlertJson = { threshold: string } | null;

export async function balanceAlertOf(accountId: string): Promise<BalanceAlertJson> {
  const [row] = await db()
    .select({ threshold: balanceAlerts.threshold })
    .from(balanceAlerts)
    .where(eq(balanceAlerts.accountId, accountId));
  return row ? { threshold: toMoneyString(money(row.threshold)) } : null;
}

/** The account answer of API.md with `balanceAlert`. */
export async function accountWithAlert(row: Parameters<typeof accountJson>[0]) {
  return { ...accountJson(row), balanceAlert: await balanceAlertOf(row.id) };
}

/**
 * Sets (or with null, removes) the threshold. A new threshold starts a new run (streak 0) but keeps the
 * day of the last alert, so changing it never sends a second alert the same day. The balance is checked
 * at once: setting a threshold above today's balance alerts now.
 */
export async function setBalanceAlert(actor: CustomerActor, threshold: string | null) {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const account = await lockAccount(tx, actor.accountId);
    const [before] = await tx.select().from(balanceAlerts).where(eq(balanceAlerts.accountId, actor.accountId));
    if (threshold === null) {
      if (before) await tx.delete(balanceAlerts).where(eq(balanceAlerts.accountId, actor.accountId));
    } else {
      const value = toMoneyString(money(threshold));
      await tx
        .insert(balanceAlerts)
        .values({ accountId: actor.accountId, threshold: value, streak: 0, updatedAt: at })
        .onConflictDoUpdate({ target: balanceAlerts.accountId, set: { threshold: value, streak: 0, updatedAt: at } });
      await checkBalanceAlert(tx, actor.accountId, balanceOf(account).available, at);
    }
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "balance_alert.set",
      entityType: "account",
      entityId: actor.accountId,
      before: { threshold: before ? toMoneyString(money(before.threshold)) : null },
      after: { threshold: threshold === null ? null : toMoneyString(money(threshold)) },
    });
    return {
      ...accountJson(account),
      balanceAlert: threshold === null ? null : { threshold: toMoneyString(money(threshold)) },
    };
  });
}

/** `available` right after the last ledger row at or before `m` (0 before the first). */
async function availableAt(tx: Tx, accountId: string, m: Date): Promise<Money> {
  const [r] = await tx
    .select({ available: sql<string>`(${ledgerEntries.cashAfter} + ${ledgerEntries.giftAfter})::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, accountId), lte(ledgerEntries.at, m)))
    .orderBy(desc(ledgerEntries.at), desc(ledgerEntries.id))
    .limit(1);
  return money(r?.available ?? "0");
}

/** Accounts whose alert state could change at midnight `m`, with `available` at that instant (from the ledger). */
async function candidatesAt(m: Date): Promise<{ accountId: string }[]> {
  const day = shanghaiDay(m);
  const rows = await db().execute<{ account_id: string; available: string }>(sql`
    select b.account_id, coalesce(x.available, 0)::text as available
    from balance_alerts b
    left join lateral (
      select l.cash_after + l.gift_after as available from ledger_entries l
      where l.account_id = b.account_id and l.at <= ${m.toISOString()}::timestamptz
      order by l.at desc, l.id desc limit 1
    ) x on true
    where (coalesce(x.available, 0) < b.threshold and b.streak < ${MAX_ALERT_DAYS}
           and b.last_alert_day is distinct from ${day}::date)
       or (coalesce(x.available, 0) >= b.threshold and b.streak > 0)
    order by b.account_id`);
  return rows.map((r) => ({ accountId: r.account_id }));
}

/**
 * Window function (team contract): at each Shanghai midnight in (from, to], at that instant, every
 * account below its threshold gets its daily alert (within the 5-day limit); each account in its own
 * transaction under its lock. State-driven and idempotent; returns the number of alerts sent.
 */
export async function runBalanceAlertsDue(from: Date, to: Date, opts: { accountIds?: string[] } = {}): Promise<number> {
  let sent = 0;
  for (const m of midnightsBetween(from, to, true)) {
    for (const c of await candidatesAt(m)) {
      if (opts.accountIds && !opts.accountIds.includes(c.accountId)) continue;
      const did = await db().transaction(async (tx) => {
        await lockAccount(tx, c.accountId);
        return checkBalanceAlert(tx, c.accountId, await availableAt(tx, c.accountId, m), m);
      });
      if (did) sent++;
    }
  }
  return sent;
}
