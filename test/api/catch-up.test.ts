/**
 * R-LIFE-7 / R-TIME-3: the scheduled rules give one end state whichever way time reaches them — one
 * pass across a year, passes every few minutes to hours, every pass repeated, or two engines racing —
 * and R-LIFE-5's reclamation instant, pinned to the second.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { apps, appStatusEvents, bills, ledgerEntries, notifications, orders } from "@/db/schema";
import { addDays, DAY_MS, shanghaiDay, shanghaiMidnight } from "@/lib/billing/calendar";
import { money } from "@/lib/money";
import { createApp } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { recordDaily } from "@/lib/services/usage";
import { runScheduledOnce } from "@/lib/services/tick";
import { runDue } from "@/lib/services/scheduler";
import { createCustomer, createOperator, SLOW, type TestCustomer, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

let seq = 0;
const key = () => `catchup-${Date.now()}-${++seq}`;

type Scenario = { c: TestCustomer; t0: Date; sdkAppIds: number[] };

/**
 * An account with three pro apps: one for 12 months, one on auto-renew with money for two renewals
 * (then grace, daily retries, suspension, reclamation), one bought for 3 months without it; with
 * `usage`, group overage on the first app makes bills whose deduction can put the account in arrears.
 */
async function scenario(usage: boolean): Promise<Scenario> {
  const c = await createCustomer(op, { verified: true, cash: money("999.00").times(6).plus("11988.00").toFixed(2) });
  const first = await createApp(c.actor, { name: "first" });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: first.sdkAppId, edition: "pro", months: 12, packs: [], agreeSla: true },
    key(),
  );
  const renewing = await createApp(c.actor, { name: "renewing" });
  const { order } = await placeOrder(
    c.actor,
    {
      type: "plan",
      sdkAppId: renewing.sdkAppId,
      edition: "pro",
      months: 1,
      packs: [],
      autoRenew: true,
      agreeSla: true,
    },
    key(),
  );
  const lapsing = await createApp(c.actor, { name: "lapsing" });
  await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: lapsing.sdkAppId, edition: "pro", months: 3, packs: [], agreeSla: true },
    key(),
  );
  // postpaid usage over the free quota on two days (group overage: 1,000.00 and 2,000.00 on the bills)
  const t = order.lines[0]!.periodStart.getTime();
  const report = (days: number, groups: number) => ({
    sdkAppId: first.sdkAppId,
    date: shanghaiDay(new Date(t + days * DAY_MS)),
    groups,
    liveGroups: 0,
    bandwidthMbps: { domestic: 0, international: 0 },
  });
  if (usage) await recordDaily(c.actor, [report(1, 150_000), report(40, 250_000)]);
  return { c, t0: order.lines[0]!.periodStart, sdkAppIds: [first.sdkAppId, renewing.sdkAppId, lapsing.sdkAppId] };
}

/** Scenarios made at one clock instant (another test file may move the shared test clock meanwhile). */
async function scenarios(n: number, usage = false): Promise<Scenario[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const made: Scenario[] = [];
    for (let i = 0; i < n; i++) made.push(await scenario(usage));
    if (made.every((s) => s.t0.getTime() === made[0]!.t0.getTime())) return made;
  }
  throw new Error("the test clock kept moving while the scenarios were made");
}

/** The end state of an account, with its apps named by position so two accounts compare. */
async function endState(s: Scenario) {
  const name = (id: number) => s.sdkAppIds.indexOf(id);
  const appRows = await db().select().from(apps).where(eq(apps.accountId, s.c.accountId)).orderBy(asc(apps.sdkAppId));
  const history = await db()
    .select({
      appId: appStatusEvents.appId,
      to: appStatusEvents.toStatus,
      reason: appStatusEvents.reason,
      at: appStatusEvents.at,
    })
    .from(appStatusEvents)
    .where(
      inArray(
        appStatusEvents.appId,
        appRows.map((a) => a.id),
      ),
    )
    .orderBy(asc(appStatusEvents.at), asc(appStatusEvents.id));
  const sdkOf = new Map(appRows.map((a) => [a.id, a.sdkAppId]));
  const orderRows = await db()
    .select()
    .from(orders)
    .where(eq(orders.accountId, s.c.accountId))
    .orderBy(asc(orders.createdAt), asc(orders.orderNo));
  const ledger = await db()
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, s.c.accountId))
    .orderBy(asc(ledgerEntries.id));
  const billRows = await db().select().from(bills).where(eq(bills.accountId, s.c.accountId)).orderBy(asc(bills.month));
  const notes = await db()
    .select()
    .from(notifications)
    .where(eq(notifications.accountId, s.c.accountId))
    .orderBy(asc(notifications.day), asc(notifications.kind));
  return {
    apps: appRows.map((a) => [name(a.sdkAppId), a.status, a.statusReason, a.expiresAt?.toISOString() ?? null]),
    history: history.map((h) => [name(sdkOf.get(h.appId)!), h.to, h.reason, h.at.toISOString()]),
    orders: orderRows.map((o) => [o.type, o.total, o.paidCash, o.paidGift, o.createdAt.toISOString()]),
    ledger: ledger.map((l) => [l.kind, l.cashDelta, l.giftDelta, l.at.toISOString()]),
    bills: billRows.map((b) => [
      b.month,
      b.total,
      b.status,
      b.paidCash,
      b.paidGift,
      b.pushedAt.toISOString(),
      b.deductedAt?.toISOString() ?? null,
    ]),
    notifications: notes.map((n) => [n.kind, n.day, n.sdkAppIds.map(name)]),
  };
}

/** Deterministic, irregular steps between 1 minute and 23 hours. */
function ticks(from: Date, to: Date, seed: number): Date[] {
  const out: Date[] = [];
  let x = seed;
  for (let t = from.getTime(); t < to.getTime(); ) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    t = Math.min(to.getTime(), t + 60_000 * (1 + (x % 1380)));
    out.push(new Date(t));
  }
  return out;
}

const YEAR_MS = 365 * DAY_MS;

const scope = (s: Scenario) => ({ accountIds: [s.c.accountId], stateKey: `catchup-${s.c.accountId}` });

/**
 * The reference: passes every 1 minute to 23 hours across the year (a literal minute-by-minute year
 * is 525,600 passes; the irregular steps land on every kind of instant without taking an hour).
 */
async function stepped(s: Scenario, end: Date, seed = 7) {
  await runScheduledOnce({ ...scope(s), at: s.t0 });
  for (const at of ticks(s.t0, end, seed)) await runScheduledOnce({ ...scope(s), at });
}

/** What the year must have done, so that equal end states are not equal by doing nothing. */
function expectEventfulYear(state: Awaited<ReturnType<typeof endState>>) {
  expect(state.orders.filter((o) => o[0] === "renewal").length).toBeGreaterThan(0);
  expect(state.bills[0]!.slice(1, 3)).toEqual(["1000.00", "deducted"]);
  expect(state.apps.filter((a) => a[1] === "reclaimed").length).toBeGreaterThan(0);
  for (const kind of ["auto_renewed", "expiry_warning", "suspended", "reclaimed", "bill_pushed"])
    expect(state.notifications.map((n) => n[0])).toContain(kind);
}

describe("R-LIFE-7 catch-up: the same bills, ledger, statuses and notifications however time arrives", () => {
  it("R-LIFE-7: one pass across a year ends as passes every few minutes to hours do", async () => {
    const [reference, once] = await scenarios(2, true);
    const end = new Date(reference!.t0.getTime() + YEAR_MS);
    await stepped(reference!, end);
    await runScheduledOnce({ ...scope(once!), at: once!.t0 });
    await runScheduledOnce({ ...scope(once!), at: end });
    const expected = await endState(reference!);
    expectEventfulYear(expected);
    expect(await endState(once!)).toEqual(expected);
  }, 240_000);

  it("R-LIFE-7: every pass run twice (a repeated tick) changes nothing", async () => {
    const [reference, twice] = await scenarios(2, true);
    const end = new Date(reference!.t0.getTime() + YEAR_MS);
    await stepped(reference!, end);
    await runScheduledOnce({ ...scope(twice!), at: twice!.t0 });
    for (const at of ticks(twice!.t0, end, 7)) {
      await runScheduledOnce({ ...scope(twice!), at });
      await runScheduledOnce({ ...scope(twice!), at });
    }
    expect(await endState(twice!)).toEqual(await endState(reference!));
  }, 240_000);

  it("R-LIFE-7: two engines ticking at once on their own schedules end as one engine does", async () => {
    const [reference, racing] = await scenarios(2, true);
    const end = new Date(reference!.t0.getTime() + YEAR_MS);
    await stepped(reference!, end);
    await runScheduledOnce({ ...scope(racing!), at: racing!.t0 });
    const engine = async (seed: number) => {
      for (const at of [...ticks(racing!.t0, end, seed), end]) await runScheduledOnce({ ...scope(racing!), at });
    };
    await Promise.all([engine(13), engine(17)]);
    expect(await endState(racing!)).toEqual(await endState(reference!));
  }, 240_000);
});

describe("R-LIFE-5 reclamation instant", () => {
  it(
    "R-LIFE-5: suspended on day S, still suspended at 00:00 of S + 90 minus one second, reclaimed at 00:00 of S + 90",
    async () => {
      const [s] = await scenarios(1);
      const lapsing = s!.sdkAppIds[2]!;
      const scope = { accountIds: [s!.c.accountId] };
      const [row] = await db().select().from(apps).where(eq(apps.sdkAppId, lapsing));
      const suspendAt = new Date(row!.expiresAt!.getTime() + 7 * DAY_MS);
      await runDue(s!.t0, suspendAt, scope);
      const [sus] = await db().select().from(apps).where(eq(apps.sdkAppId, lapsing));
      expect(sus).toMatchObject({ status: "suspended", statusChangedAt: suspendAt });
      const reclaim = shanghaiMidnight(addDays(shanghaiDay(suspendAt), 90));
      await runDue(suspendAt, new Date(reclaim.getTime() - 1000), scope);
      expect((await db().select().from(apps).where(eq(apps.sdkAppId, lapsing)))[0]!.status).toBe("suspended");
      await runDue(new Date(reclaim.getTime() - 1000), reclaim, scope);
      const [after] = await db().select().from(apps).where(eq(apps.sdkAppId, lapsing));
      expect(after).toMatchObject({ status: "reclaimed", statusChangedAt: reclaim });
      const told = await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, s!.c.accountId), eq(notifications.kind, "reclaimed")));
      // one notification that day, naming every app reclaimed (the renewing app lapsed on the same day)
      expect(told.map((n) => n.day)).toEqual([shanghaiDay(reclaim)]);
      expect(told[0]!.sdkAppIds).toContain(lapsing);
    },
    SLOW,
  );
});

describe("§7 reminders through the scheduler", () => {
  it(
    "§7 / R-LIFE-6: one expiry warning a day from E − 7 d, listing every app concerned; none after E",
    async () => {
      const [s] = await scenarios(1);
      const scope = { accountIds: [s!.c.accountId] };
      const [lapsing] = await db().select().from(apps).where(eq(apps.sdkAppId, s!.sdkAppIds[2]!));
      const E = lapsing!.expiresAt!;
      await runDue(s!.t0, new Date(E.getTime() - 7 * DAY_MS - 1000), scope);
      const warnings = async () =>
        db()
          .select()
          .from(notifications)
          .where(and(eq(notifications.accountId, s!.c.accountId), eq(notifications.kind, "expiry_warning")))
          .orderBy(asc(notifications.day));
      const before = (await warnings()).filter((n) => n.sdkAppIds.includes(lapsing!.sdkAppId));
      expect(before).toEqual([]);
      await runDue(new Date(E.getTime() - 7 * DAY_MS - 1000), new Date(E.getTime() + DAY_MS), scope);
      const days = (await warnings()).filter((n) => n.sdkAppIds.includes(lapsing!.sdkAppId)).map((n) => n.day);
      const first = shanghaiDay(new Date(E.getTime() - 7 * DAY_MS));
      const lastDay = shanghaiDay(new Date(E.getTime() - 1000));
      expect(days[0]).toBe(first);
      expect(days.at(-1)).toBe(lastDay);
      expect(new Set(days).size).toBe(days.length);
    },
    SLOW,
  );
});
