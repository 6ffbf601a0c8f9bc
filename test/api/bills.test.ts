import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apps, appStatusEvents, billLines, bills, notifications } from "@/db/schema";
import { GET as listRoute } from "@/app/api/v1/bills/route";
import { GET as oneRoute } from "@/app/api/v1/bills/[id]/route";
import { GET as csvRoute } from "@/app/api/v1/bills/[id]/lines.csv/route";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { arrearsSuspendAt, deductAt, nextMonth, pushAt } from "@/lib/billing/arrears";
import { monthDays, parseMonth } from "@/lib/billing/bills";
import { shanghaiDay, shanghaiMidnight } from "@/lib/billing/calendar";
import { now } from "@/lib/clock";
import { money } from "@/lib/money";
import { getAccount, topUp } from "@/lib/services/accounts";
import { appEntitlements, createApp, stopApp } from "@/lib/services/apps";
import { deductMonthBills, makeMonthBills, runBillsDue } from "@/lib/services/bills";
import { ledgerSums } from "@/lib/services/ledger";
import { placeOrder } from "@/lib/services/purchase";
import { requestRefund } from "@/lib/services/refund";
import { recordDaily } from "@/lib/services/usage";
import {
  call,
  createCustomer,
  createOperator,
  MONEY_STRING,
  SLOW,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

let seq = 0;
const key = () => `bills-${Date.now()}-${++seq}`;
const sec = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

/** `n` distinct users logged in to the app on `day` (fixture rows, as recordLogins would write them). */
async function dau(appId: string, day: string, n: number) {
  await db().execute(sql`insert into daily_active_users (app_id, day, user_id, first_login_at)
    select ${appId}::uuid, ${day}::date, 'u' || g, ${shanghaiMidnight(day).toISOString()}::timestamptz
    from generate_series(1, ${n}) as g`);
}

type Paid = {
  c: TestCustomer;
  sdkAppId: number;
  appId: string;
  month: string;
  trialSdkAppId: number;
  stoppedSdkAppId: number;
};

/**
 * A verified account with a pro app bought now for 3 months with the 30-day history pack and barrage
 * bandwidth, a trial app with usage and a stopped trial app; `month`
 * is the next natural month, which the term covers whole.
 * After the purchase the account keeps `cash` and gets `gift`.
 */
async function paidAccount(cash: string, gift = "0"): Promise<Paid> {
  const c = await createCustomer(op, { verified: true, cash: money(cash).plus("2997.00").toFixed(2) });
  const app = await createApp(c.actor, { name: 'billed, "quoted"' });
  await placeOrder(
    c.actor,
    {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition: "pro",
      months: 3,
      packs: [
        { pack: "history", tier: "30" },
        { pack: "barrage_bandwidth", tier: null },
      ],
      agreeSla: true,
    },
    key(),
  );
  if (money(gift).gt(0)) await topUp(op.actor, c.accountId, { gift, note: "gift" });
  const trial = await createApp(c.actor, { name: "trial" });
  const stopped = await createApp(c.actor, { name: "stopped" });
  await stopApp(c.actor, stopped.sdkAppId);
  const month = nextMonth(shanghaiDay(await now()).slice(0, 7));
  return {
    c,
    sdkAppId: app.sdkAppId,
    appId: app.id,
    month,
    trialSdkAppId: trial.sdkAppId,
    stoppedSdkAppId: stopped.sdkAppId,
  };
}

/** DAU 10,001 on day 5 (one unit over), bandwidth 1.5 Mbps on day 2; the trial app has usage too. */
async function usage(p: Paid) {
  const days = monthDays(p.month);
  await dau(p.appId, days[4]!, 10_001);
  await dau(p.appId, days[6]!, 9_000);
  await recordDaily(p.c.actor, [
    {
      sdkAppId: p.sdkAppId,
      date: days[1]!,
      groups: 40,
      liveGroups: 2,
      bandwidthMbps: { domestic: 1.5, international: 0 },
    },
    {
      sdkAppId: p.trialSdkAppId,
      date: days[1]!,
      groups: 99,
      liveGroups: 2,
      bandwidthMbps: { domestic: 9, international: 9 },
    },
  ]);
}

const billsOf = (accountId: string) => db().select().from(bills).where(eq(bills.accountId, accountId));
const appRow = async (sdkAppId: number) => (await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId)))[0]!;

describe("R-LIFE-3: the monthly bill", () => {
  it(
    "R-LIFE-3: made at 00:00 on the 1st (not one second before), with " +
      "every line's evidence; a second run makes nothing",
    async () => {
      const p = await paidAccount("5000.00");
      await usage(p);
      const push = pushAt(p.month);
      const opts = { accountIds: [p.c.accountId] };
      expect(await runBillsDue(sec(push, -2), sec(push, -1), opts)).toBe(0);
      expect(await billsOf(p.c.accountId)).toHaveLength(0);
      expect(await runBillsDue(sec(push, -1), push, opts)).toBe(1);
      expect(await runBillsDue(sec(push, -1), push, opts)).toBe(0);
      expect(await makeMonthBills(p.month, push, opts)).toBe(0);
      const [bill] = await billsOf(p.c.accountId);
      expect(bill).toMatchObject({ month: p.month, status: "pushed", total: "1503.00", deductedAt: null });
      expect(bill!.pushedAt.toISOString()).toBe(push.toISOString());
      const lines = await db()
        .select()
        .from(billLines)
        .where(eq(billLines.billId, bill!.id))
        .orderBy(asc(billLines.lineNo));
      const days = monthDays(p.month);
      expect(lines.map((l) => [Number(l.sdkAppId), l.item, l.quantity, l.unitPrice, l.amount])).toEqual([
        [p.sdkAppId, "dau_overage", "1.000", "1000.00", "1000.00"],
        [p.sdkAppId, "history", `${days.length}.000`, "500.00", "500.00"],
        [p.sdkAppId, "barrage_bandwidth", "1.500", "2.00", "3.00"],
      ]);
      expect(lines[0]!.detail).toEqual({
        peak: 10_001,
        peakDay: days[4],
        free: 10_000,
        unit: 10_000,
        daysCounted: days.length,
        edition: "pro",
      });
      const [n] = await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, p.c.accountId), eq(notifications.kind, "bill_pushed")));
      expect(n!.sdkAppIds).toEqual([p.sdkAppId]);
    },
    SLOW,
  );

  it(
    "R-LIFE-3: an account whose month comes to 0.00 gets no bill",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "3000.00" });
      const app = await createApp(c.actor, { name: "quiet" });
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 3, packs: [], agreeSla: true },
        key(),
      );
      const month = nextMonth(shanghaiDay(await now()).slice(0, 7));
      await dau(app.id, monthDays(month)[3]!, 10_000);
      expect(await makeMonthBills(month, pushAt(month), { accountIds: [c.accountId] })).toBe(0);
      expect(await billsOf(c.accountId)).toHaveLength(0);
    },
    SLOW,
  );

  it(
    "R-USE-3: days after a plan refund and suspended days are not billed " +
      "(derived from order lines, refunds and status history)",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "20000.00" });
      const first = await createApp(c.actor, { name: "first" });
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: first.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
        key(),
      );
      // The ultimate term starts a minute before the refund (the order
      // placed at that instant), so it has a length to end.
      const refundAt = await now();
      const paidAt = new Date(refundAt.getTime() - 60_000);
      const app = await createApp(c.actor, { name: "refunded" }, { at: paidAt });
      await placeOrder(
        c.actor,
        { type: "plan", sdkAppId: app.sdkAppId, edition: "ultimate", months: 1, packs: [], agreeSla: true },
        key(),
        { at: paidAt },
      );
      const today = shanghaiDay(paidAt);
      const month = today.slice(0, 7);
      const later = monthDays(month).filter((d) => d > shanghaiDay(refundAt));
      const spanned = shanghaiDay(refundAt) === today ? 1 : 2;
      await dau(app.id, today, 10_500);
      if (later[0]) await dau(app.id, later[0], 50_000);
      await requestRefund(c.actor, { sdkAppId: app.sdkAppId, product: "plan", mode: "standard" });
      // The first app: suspended from the start of its month's second day to the end of the month (fixture events).
      const t0 = shanghaiMidnight(later[0] ?? today);
      const f = await appRow(first.sdkAppId);
      await db()
        .insert(appStatusEvents)
        .values([
          { appId: f.id, fromStatus: "enabled", toStatus: "suspended", reason: "by_operator", actor: "test", at: t0 },
        ]);
      if (later[0]) await dau(first.id, later[0], 80_000);
      await makeMonthBills(month, pushAt(month), { accountIds: [c.accountId] });
      const [bill] = await billsOf(c.accountId);
      const lines = await db().select().from(billLines).where(eq(billLines.billId, bill!.id));
      expect(lines.map((l) => [Number(l.sdkAppId), l.item, l.amount])).toEqual([
        [app.sdkAppId, "dau_overage", "1000.00"],
      ]);
      expect(lines[0]!.detail).toMatchObject({
        peak: 10_500,
        peakDay: today,
        daysCounted: spanned,
        edition: "ultimate",
      });
    },
    SLOW,
  );

  it(
    "R-LIFE-7: two concurrent bill runs make one bill; two concurrent deductions deduct once",
    async () => {
      const p = await paidAccount("5000.00");
      await usage(p);
      const opts = { accountIds: [p.c.accountId] };
      const made = await Promise.all([
        makeMonthBills(p.month, pushAt(p.month), opts),
        makeMonthBills(p.month, pushAt(p.month), opts),
      ]);
      expect(made.reduce((a, b) => a + b)).toBe(1);
      const done = await Promise.all([
        deductMonthBills(p.month, deductAt(p.month), opts),
        deductMonthBills(p.month, deductAt(p.month), opts),
      ]);
      expect(done.reduce((a, b) => a + b)).toBe(1);
      const a = await getAccount(p.c.accountId);
      expect(a.cash).toBe("3497.00");
    },
    SLOW,
  );
});

describe("R-LIFE-3 / R-LIFE-4: deduction and arrears", () => {
  it(
    "R-LIFE-3: deducted at 00:00 on the 3rd, gift first then cash, " +
      "cash may go negative; ledger = balance; arrears warned",
    async () => {
      const p = await paidAccount("500.00", "100.00");
      await usage(p);
      const opts = { accountIds: [p.c.accountId] };
      await runBillsDue(sec(pushAt(p.month), -1), pushAt(p.month), opts);
      const d = deductAt(p.month);
      expect(await runBillsDue(sec(d, -2), sec(d, -1), opts)).toBe(0);
      expect((await billsOf(p.c.accountId))[0]!.status).toBe("pushed");
      expect(await runBillsDue(sec(d, -1), d, opts)).toBe(1);
      const [bill] = await billsOf(p.c.accountId);
      expect(bill).toMatchObject({ status: "deducted", paidGift: "100.00", paidCash: "1403.00" });
      expect(bill!.deductedAt!.toISOString()).toBe(d.toISOString());
      const a = await getAccount(p.c.accountId);
      expect([a.cash, a.gift]).toEqual(["-903.00", "0.00"]);
      const sums = await ledgerSums(db(), p.c.accountId);
      expect([sums.cash.toFixed(2), sums.gift.toFixed(2)]).toEqual(["-903.00", "0.00"]);
      const acc = await call(accountRoute, { key: p.c.apiKey });
      expect(acc.json).toMatchObject({ inArrears: true, balance: { available: "-903.00" } });
      const [warn] = await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, p.c.accountId), eq(notifications.kind, "arrears")));
      expect(warn!.data).toMatchObject({ owed: "903.00", suspendAt: arrearsSuspendAt(pushAt(p.month)).toISOString() });
      expect(await runBillsDue(sec(d, -1), d, opts)).toBe(0);
    },
    SLOW,
  );

  it(
    "R-LIFE-4: every app suspended (arrears) at 00:00 of push day + 7, not one " +
      "second before; entitlements refuse; top-up to ≥ 0 lifts at once",
    async () => {
      const p = await paidAccount("500.00");
      await usage(p);
      const opts = { accountIds: [p.c.accountId] };
      const s = arrearsSuspendAt(pushAt(p.month));
      await runBillsDue(sec(pushAt(p.month), -1), sec(s, -1), opts);
      expect((await appRow(p.sdkAppId)).status).toBe("enabled");
      expect(await runBillsDue(sec(s, -1), s, opts)).toBe(3);
      for (const id of [p.sdkAppId, p.trialSdkAppId, p.stoppedSdkAppId])
        expect(await appRow(id)).toMatchObject({ status: "suspended", statusReason: "arrears" });
      expect((await appRow(p.sdkAppId)).statusChangedAt.toISOString()).toBe(s.toISOString());
      expect((await appEntitlements(p.c.accountId, p.sdkAppId)).serviceAvailable).toBe(false);
      expect(await runBillsDue(sec(s, -1), s, opts)).toBe(0);

      await topUp(op.actor, p.c.accountId, { cash: "1000.00", note: "not enough" });
      expect((await appRow(p.sdkAppId)).status).toBe("suspended");
      await topUp(op.actor, p.c.accountId, { cash: "3.00", note: "exactly enough" });
      expect(await appRow(p.sdkAppId)).toMatchObject({ status: "enabled", statusReason: "arrears_lifted" });
      expect(await appRow(p.trialSdkAppId)).toMatchObject({ status: "enabled", statusReason: "arrears_lifted" });
      expect(await appRow(p.stoppedSdkAppId)).toMatchObject({ status: "stopped" });
      expect((await appEntitlements(p.c.accountId, p.sdkAppId)).serviceAvailable).toBe(true);
      expect((await call(accountRoute, { key: p.c.apiKey })).json.inArrears).toBe(false);
    },
    SLOW,
  );

  it(
    "R-LIFE-4: a gift grant lifts arrears too",
    async () => {
      const p = await paidAccount("500.00");
      await usage(p);
      const opts = { accountIds: [p.c.accountId] };
      await runBillsDue(sec(pushAt(p.month), -1), arrearsSuspendAt(pushAt(p.month)), opts);
      expect((await appRow(p.sdkAppId)).status).toBe("suspended");
      await topUp(op.actor, p.c.accountId, { gift: "1003.00", note: "grant" });
      expect((await appRow(p.sdkAppId)).status).toBe("enabled");
    },
    SLOW,
  );

  it(
    "R-LIFE-4: a refund that brings available to ≥ 0 lifts arrears in its own transaction",
    async () => {
      const p = await paidAccount("500.00");
      await topUp(op.actor, p.c.accountId, { cash: "3000.00", note: "for the pack" });
      await placeOrder(
        p.c.actor,
        { type: "pack", sdkAppId: p.sdkAppId, pack: "security_advanced", tier: null, agreeSla: true },
        key(),
      );
      await usage(p);
      const opts = { accountIds: [p.c.accountId] };
      await runBillsDue(sec(pushAt(p.month), -1), arrearsSuspendAt(pushAt(p.month)), opts);
      const owed = money((await getAccount(p.c.accountId)).cash).plus((await getAccount(p.c.accountId)).gift);
      expect(owed.lt(0)).toBe(true);
      expect((await appRow(p.sdkAppId)).status).toBe("suspended");
      const r = await requestRefund(p.c.actor, {
        sdkAppId: p.sdkAppId,
        product: "security_advanced",
        mode: "standard",
      });
      expect(r.status).toBe("executed");
      const after = await getAccount(p.c.accountId);
      expect(money(after.cash).plus(after.gift).gte(0)).toBe(true);
      expect((await appRow(p.sdkAppId)).status).toBe("enabled");
    },
    SLOW,
  );
});

describe("API: /bills", () => {
  it(
    "GET /bills, /bills/{id} and lines.csv answer API.md's shapes; another account's bill is 404; bad input is 400",
    async () => {
      const p = await paidAccount("5000.00");
      await usage(p);
      await runBillsDue(sec(pushAt(p.month), -1), deductAt(p.month), { accountIds: [p.c.accountId] });
      const list = await call(listRoute, { key: p.c.apiKey, path: "/api/v1/bills" });
      expect(list.status).toBe(200);
      expect(list.json.bills).toHaveLength(1);
      const b = list.json.bills[0];
      expect(b).toMatchObject({
        month: p.month,
        status: "deducted",
        total: "1503.00",
        pushedAt: pushAt(p.month).toISOString(),
        deductedAt: deductAt(p.month).toISOString(),
      });
      for (const l of b.lines) {
        expect(Object.keys(l)).toEqual(
          expect.arrayContaining(["sdkAppId", "item", "quantity", "unitPrice", "amount", "detail"]),
        );
        expect(l.amount).toMatch(MONEY_STRING);
        expect(l.unitPrice).toMatch(MONEY_STRING);
      }
      expect(
        (await call(listRoute, { key: p.c.apiKey, path: `/api/v1/bills?month=${p.month}` })).json.bills,
      ).toHaveLength(1);
      expect((await call(listRoute, { key: p.c.apiKey, path: `/api/v1/bills?month=1999-01` })).json.bills).toHaveLength(
        0,
      );
      for (const bad of ["2026-13", "2026-1", "abc", ""]) {
        const r = await call(listRoute, { key: p.c.apiKey, path: `/api/v1/bills?month=${bad}` });
        expect(r.status, bad).toBe(400);
        expect(r.json.error.details.fields.month).toBeTruthy();
      }
      const one = await call(oneRoute, { key: p.c.apiKey, params: { id: b.id } });
      expect(one.json).toEqual(b);
      const bad = await call(oneRoute, { key: p.c.apiKey, params: { id: "not-a-uuid" } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.details.fields.id).toBeTruthy();
      const other = await createCustomer(op);
      expect((await call(oneRoute, { key: other.apiKey, params: { id: b.id } })).status).toBe(404);
      expect((await call(csvRoute, { key: other.apiKey, params: { id: b.id } })).status).toBe(404);
      const csv = await call(csvRoute, { key: p.c.apiKey, params: { id: b.id } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      const rows = (csv.json as string).trim().split("\r\n");
      expect(rows).toHaveLength(4);
      expect(rows[0]).toBe("bill_month,sdk_app_id,app_name,item,quantity,unit_price,amount,detail");
      expect(rows[1]).toContain(`${p.month},${p.sdkAppId},"billed, ""quoted""",dau_overage,1,1000.00,1000.00,`);
    },
    SLOW,
  );

  it("R-USE-3: history for a month with a different length uses that month's days", () => {
    expect(parseMonth("2027-02").days).toBe(28);
  });
});
