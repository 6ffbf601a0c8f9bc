/**
 * Monthly bills (R-LIFE-3) and arrears (R-LIFE-4). Making a month's bills is set-based (one
 * statement for every app of every account, lib/services/bill-facts.ts) and then one transaction
 * per account; deducting and suspending are one transaction per account. Every step runs at its
 * own scheduled instant and is state-driven, so repeats and concurrent runs do nothing more.
 */
import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { accounts, apps, appStatusEvents, bills } from "@/db/schema";
import { ARREARS_SUSPENDS, arrearsSuspendAt, billStepsDue, liftedStatus, previousMonth } from "@/lib/billing/arrears";
import { billTotal, linesFromSummary, type BillLine } from "@/lib/billing/bills";
import { currentPriceBook } from "@/lib/billing/price-book";
import { minMoney, money, toMoneyString, ZERO } from "@/lib/money";
import { appMonthSummaries, type AppMonthRow } from "./bill-facts";
import { changeStatus } from "./apps";
import { writeAudit } from "./audit";
import { balanceOf, lockAccount, post } from "./ledger";
import { notify } from "./notifications";

const SYSTEM = { kind: "system" } as const;
/** Account transactions run side by side, a few at a time (the pool has 10 connections). */
const PARALLEL = 4;

export type BillRunOptions = {
  /** narrow the run to some accounts (tests that must not touch other tests' data) */
  accountIds?: string[];
  /** the connection to open account transactions on (a transaction nests them as savepoints) */
  conn?: DbOrTx;
};

async function eachLimited<T>(items: T[], limit: number, f: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await f(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function groupByAccount(rows: AppMonthRow[]): Map<string, AppMonthRow[]> {
  const out = new Map<string, AppMonthRow[]>();
  for (const r of rows) {
    const list = out.get(r.accountId);
    if (list) list.push(r);
    else out.set(r.accountId, [r]);
  }
  return out;
}

/**
 * R-LIFE-3: makes `month`'s bill ("YYYY-MM") for every account with postpaid charges, pushed at
 * `pushedAt`. Accounts whose month comes to 0.00 get no bill. Returns the number of bills made.
 */
export async function makeMonthBills(month: string, pushedAt: Date, opts: BillRunOptions = {}): Promise<number> {
  const conn = opts.conn ?? db();
  const book = currentPriceBook();
  const rows = await appMonthSummaries(conn, book, month, { accountIds: opts.accountIds, skipBilled: true });
  const due: { accountId: string; lines: (BillLine & { appId: string; sdkAppId: number })[] }[] = [];
  for (const [accountId, appRows] of groupByAccount(rows)) {
    const lines = appRows.flatMap((r) =>
      linesFromSummary(book, month, r.summary).map((l) => ({ ...l, appId: r.appId, sdkAppId: r.sdkAppId })),
    );
    if (billTotal(lines).gt(0)) due.push({ accountId, lines });
  }
  let made = 0;
  const one = async (d: (typeof due)[number]) => {
    const did = await conn.transaction(async (tx) => {
      const total = billTotal(d.lines);
      // The account lock, the bill and its lines in one statement (one plan for every account): the lines
      // go as one jsonb array. The bill is inserted only after the account row is locked (it selects from it).
      const lines = d.lines.map((l, i) => ({
        line_no: i + 1,
        app_id: l.appId,
        sdk_app_id: l.sdkAppId,
        item: l.item,
        quantity: l.quantity,
        unit_price: toMoneyString(l.unitPrice),
        amount: toMoneyString(l.amount),
        detail: l.detail,
      }));
      const [bill] = (await tx.execute(sql`
        with account as (
          select id from accounts where id = ${d.accountId}::uuid for update
        ), bill as (
          insert into bills (account_id, month, status, total, price_book_version, pushed_at)
          select account.id, ${month}, 'pushed', ${toMoneyString(total)}::numeric, ${book.version},
            ${pushedAt.toISOString()}::timestamptz from account
          on conflict (account_id, month) do nothing
          returning id
        ), lines as (
          insert into bill_lines (bill_id, line_no, app_id, sdk_app_id, item, quantity, unit_price, amount, detail)
          select bill.id, x.line_no, x.app_id, x.sdk_app_id, x.item, x.quantity, x.unit_price, x.amount, x.detail
          from bill cross join jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
            as x(line_no integer, app_id uuid, sdk_app_id bigint, item text, quantity numeric(20, 3),
              unit_price numeric(14, 2), amount numeric(14, 2), detail jsonb)
          order by x.line_no
        )
        select id from bill`)) as unknown as { id: string }[];
      if (!bill) return false;
      await notify(tx, {
        accountId: d.accountId,
        kind: "bill_pushed",
        at: pushedAt,
        sdkAppIds: [...new Set(d.lines.map((l) => l.sdkAppId))],
        data: { billId: bill.id, month, total: toMoneyString(total) },
      });
      return true;
    });
    if (did) made += 1;
  };
  if (opts.conn && opts.conn !== db()) for (const d of due) await one(d);
  else await eachLimited(due, PARALLEL, one);
  return made;
}

/**
 * R-LIFE-3: at `at` (00:00 on the 3rd) each pushed bill of `month` is deducted, gift first, then
 * cash; cash may go negative (the one place it may). One ledger row (kind `bill`), one audit row.
 * R-LIFE-4: when available is then below zero the owner is warned (`arrears`).
 */
export async function deductMonthBills(month: string, at: Date, opts: BillRunOptions = {}): Promise<number> {
  const conn = opts.conn ?? db();
  const conds = [eq(bills.month, month), eq(bills.status, "pushed"), lte(bills.pushedAt, at)];
  if (opts.accountIds) conds.push(inArray(bills.accountId, opts.accountIds));
  const due = await conn
    .select({ id: bills.id, accountId: bills.accountId })
    .from(bills)
    .where(and(...conds))
    .orderBy(asc(bills.accountId));
  let done = 0;
  const one = async (b: (typeof due)[number]) => {
    const did = await conn.transaction(async (tx) => {
      const account = await lockAccount(tx, b.accountId);
      const [bill] = await tx
        .select()
        .from(bills)
        .where(and(eq(bills.id, b.id), eq(bills.status, "pushed")))
        .for("update");
      if (!bill) return false;
      const total = money(bill.total);
      const before = balanceOf(account);
      const gift = minMoney(before.gift.gt(0) ? before.gift : ZERO, total);
      const cash = total.minus(gift);
      const after = await post(
        tx,
        b.accountId,
        {
          kind: "bill",
          cashDelta: cash.neg(),
          giftDelta: gift.neg(),
          refType: "bill",
          refId: bill.id,
          note: `${month} bill`,
        },
        SYSTEM,
        at,
      );
      await tx
        .update(bills)
        .set({ status: "deducted", deductedAt: at, paidGift: toMoneyString(gift), paidCash: toMoneyString(cash) })
        .where(eq(bills.id, bill.id));
      await writeAudit(tx, {
        actor: SYSTEM,
        at,
        accountId: b.accountId,
        action: "bill.deduct",
        entityType: "bill",
        entityId: bill.id,
        before: { status: "pushed", cash: toMoneyString(before.cash), gift: toMoneyString(before.gift) },
        after: {
          status: "deducted",
          total: bill.total,
          paidGift: toMoneyString(gift),
          paidCash: toMoneyString(cash),
          cash: toMoneyString(after.cash),
          gift: toMoneyString(after.gift),
        },
      });
      if (after.available.lt(0)) {
        await notify(tx, {
          accountId: b.accountId,
          kind: "arrears",
          at,
          data: {
            billId: bill.id,
            month,
            owed: toMoneyString(after.available.neg()),
            suspendAt: arrearsSuspendAt(bill.pushedAt).toISOString(),
          },
        });
      }
      return true;
    });
    if (did) done += 1;
  };
  if (opts.conn && opts.conn !== db()) for (const b of due) await one(b);
  else await eachLimited(due, PARALLEL, one);
  return done;
}

/**
 * R-LIFE-4: at `at` = push day + 7 (00:00), every account whose `month` bill was deducted and whose
 * available is still below zero has every app in service or stopped (trial and paid, created by
 * then) suspended with reason `arrears`. Apps already suspended keep their own suspension.
 */
export async function suspendForArrears(month: string, at: Date, opts: BillRunOptions = {}): Promise<number> {
  const conn = opts.conn ?? db();
  const conds = [eq(bills.month, month), eq(bills.status, "deducted"), sql`${accounts.cash} + ${accounts.gift} < 0`];
  if (opts.accountIds) conds.push(inArray(bills.accountId, opts.accountIds));
  const due = await conn
    .select({ accountId: bills.accountId })
    .from(bills)
    .innerJoin(accounts, eq(accounts.id, bills.accountId))
    .where(and(...conds))
    .orderBy(asc(bills.accountId));
  let suspended = 0;
  for (const { accountId } of due) {
    suspended += await conn.transaction(async (tx) => {
      const account = await lockAccount(tx, accountId);
      if (!balanceOf(account).available.lt(0)) return 0;
      const rows = await tx
        .select()
        .from(apps)
        .where(and(eq(apps.accountId, accountId), inArray(apps.status, ARREARS_SUSPENDS), lte(apps.createdAt, at)))
        .orderBy(asc(apps.sdkAppId))
        .for("update");
      for (const app of rows)
        await changeStatus(tx, SYSTEM, app, { status: "suspended", reason: "arrears" }, at, "app.status");
      if (rows.length)
        await notify(tx, {
          accountId,
          kind: "suspended",
          at,
          sdkAppIds: rows.map((a) => a.sdkAppId),
          data: { reason: "arrears", owed: toMoneyString(balanceOf(account).available.neg()) },
        });
      return rows.length;
    });
  }
  return suspended;
}

/**
 * R-LIFE-4 / R-APP-5: call inside any transaction that raised the balance (top-up, grant, refund),
 * after posting, holding the account lock. When available is ≥ 0 again, each arrears-suspended app
 * returns at once to what its own term gives (or to `stopped` if it had been stopped). Returns how many.
 */
export async function liftArrears(tx: Tx, accountId: string, at: Date): Promise<number> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account || balanceOf(account).available.lt(0)) return 0;
  const rows = await tx
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.status, "suspended"), eq(apps.statusReason, "arrears")))
    .orderBy(asc(apps.sdkAppId))
    .for("update");
  for (const app of rows) {
    // The status the arrears suspension took the app from (the latest event into suspended/arrears).
    const [ev] = await tx
      .select({ from: appStatusEvents.fromStatus })
      .from(appStatusEvents)
      .where(
        and(
          eq(appStatusEvents.appId, app.id),
          eq(appStatusEvents.toStatus, "suspended"),
          eq(appStatusEvents.reason, "arrears"),
        ),
      )
      .orderBy(sql`${appStatusEvents.id} desc`)
      .limit(1);
    await changeStatus(tx, SYSTEM, app, liftedStatus(app, ev?.from ?? null, at), at, "app.arrears_lifted");
  }
  return rows.length;
}

/**
 * The window function of bills (team contract): for each 1st / 3rd / 8th Shanghai midnight in
 * (from, to], in time order, the step due at that instant — make the previous month's bills on the
 * 1st, deduct them on the 3rd, suspend for arrears on the 8th. Returns how many things it did.
 */
export async function runBillsDue(from: Date, to: Date, opts: BillRunOptions = {}): Promise<number> {
  let n = 0;
  for (const step of billStepsDue(from, to)) {
    if (step.kind === "make") n += await makeMonthBills(step.month, step.at, opts);
    else if (step.kind === "deduct") n += await deductMonthBills(step.month, step.at, opts);
    else n += await suspendForArrears(step.month, step.at, opts);
  }
  return n;
}

export { previousMonth };
