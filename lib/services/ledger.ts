import "server-only";
import { and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { accounts, ledgerEntries, orders, refunds } from "@/db/schema";
import { actorTag, type Actor } from "@/lib/auth/actor";
import { money, toMoneyString, type Money } from "@/lib/money";
import { notFound } from "@/lib/errors";
import { checkBalanceAlert } from "./balance-alert-check";

export type Balance = { cash: Money; gift: Money; available: Money };

export function balanceOf(row: { cash: string; gift: string }): Balance {
  const cash = money(row.cash);
  const gift = money(row.gift);
  return { cash, gift, available: cash.plus(gift) };
}

/** Locks the account row for the rest of the transaction and returns it. */
export async function lockAccount(tx: DbOrTx, accountId: string) {
  const rows = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!rows[0]) throw notFound("Account");
  return rows[0];
}

export type Posting = {
  kind: string;
  cashDelta: Money;
  giftDelta: Money;
  refType?: string;
  refId?: string;
  note?: string;
};

/**
 * Appends one ledger row and moves the cached balance by the same amounts (R-MONEY-2).
 * The caller must hold the account lock (lockAccount) in the same transaction.
 */
export async function post(tx: DbOrTx, accountId: string, p: Posting, actor: Actor, at: Date): Promise<Balance> {
  // One round trip (issue 11): move the balance, append the ledger row with the balance after it, and read
  // the account's balance-alert settings for the check below.
  const rows = await tx.execute<{
    cash: string;
    gift: string;
    threshold: string | null;
    streak: number | null;
    last_alert_day: string | null;
  }>(sql`
    with moved as (
      update ${accounts} set cash = cash + ${toMoneyString(p.cashDelta)}::numeric,
        gift = gift + ${toMoneyString(p.giftDelta)}::numeric
      where id = ${accountId} returning id, cash, gift
    ), entry as (
      insert into ${ledgerEntries} (account_id, kind, cash_delta, gift_delta, cash_after, gift_after, ref_type,
        ref_id, note, actor, at)
      select id, ${p.kind}, ${toMoneyString(p.cashDelta)}::numeric, ${toMoneyString(p.giftDelta)}::numeric,
        cash, gift, ${p.refType ?? null}, ${p.refId ?? null}, ${p.note ?? null}, ${actorTag(actor)},
        ${at.toISOString()}::timestamptz
      from moved
    )
    select moved.cash::text as cash, moved.gift::text as gift, ba.threshold::text as threshold, ba.streak,
      ba.last_alert_day::text as last_alert_day
    from moved left join balance_alerts ba on ba.account_id = moved.id`);
  const row = rows[0];
  if (!row) throw notFound("Account");
  const balance = balanceOf(row);
  // R-LIFE-8: a change that takes the balance below the owner's threshold alerts at once (same transaction)
  const alert =
    row.threshold === null
      ? null
      : { threshold: row.threshold, streak: row.streak ?? 0, lastAlertDay: row.last_alert_day };
  await checkBalanceAlert(tx, accountId, balance.available, at, alert);
  return balance;
}

export type LedgerFilter = { from?: Date; to?: Date };

function ledgerConds(accountId: string, f: LedgerFilter) {
  const conds = [eq(ledgerEntries.accountId, accountId)];
  if (f.from) conds.push(gte(ledgerEntries.at, f.from));
  if (f.to) conds.push(lt(ledgerEntries.at, f.to));
  return and(...conds);
}

/** The account's ledger, newest first, with the number of the order or refund a row refers to. */
export async function listLedger(accountId: string, f: LedgerFilter & { limit?: number; offset?: number } = {}) {
  const rows = await db()
    .select({
      entry: ledgerEntries,
      orderNo: orders.number,
      orderActor: orders.actor,
      orderType: orders.type,
      refundNo: refunds.number,
    })
    .from(ledgerEntries)
    .leftJoin(orders, and(eq(ledgerEntries.refType, "order"), eq(sql`${orders.id}::text`, ledgerEntries.refId)))
    .leftJoin(refunds, and(eq(ledgerEntries.refType, "refund"), eq(sql`${refunds.id}::text`, ledgerEntries.refId)))
    .where(ledgerConds(accountId, f))
    .orderBy(desc(ledgerEntries.id))
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0);
  // the available balance right after each row (cash + gift), for running-balance columns
  return rows.map((r) => ({
    ...r.entry,
    availableAfter: toMoneyString(money(r.entry.cashAfter).plus(r.entry.giftAfter)),
    refNo: r.orderNo ?? r.refundNo ?? null,
    orderType: r.orderType ?? null,
    autoRenewal: r.orderActor === "system:auto_renew",
  }));
}

export async function countLedger(accountId: string, f: LedgerFilter = {}): Promise<number> {
  const [r] = await db().select({ n: count() }).from(ledgerEntries).where(ledgerConds(accountId, f));
  return r!.n;
}

/** Σ ledger rows of an account, computed in SQL (used by tests and the operator's account page). */
export async function ledgerSums(conn: DbOrTx, accountId: string): Promise<{ cash: Money; gift: Money }> {
  const [r] = await conn
    .select({
      cash: sql<string>`coalesce(sum(${ledgerEntries.cashDelta}), 0)`,
      gift: sql<string>`coalesce(sum(${ledgerEntries.giftDelta}), 0)`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return { cash: money(r!.cash), gift: money(r!.gift) };
}
