import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { balanceAlerts, notifications } from "@/db/schema";
import { shanghaiMidnight } from "@/lib/billing/calendar";
import { money, ZERO } from "@/lib/money";
import { setBalanceAlert } from "@/lib/services/balance-alert";
import { runBalanceAlertsDue } from "@/lib/services/balance-alert";
import { lockAccount, post } from "@/lib/services/ledger";
import { createCustomer, createOperator, SLOW, type TestCustomer, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const SEC = 1000;
const mid = (day: string) => shanghaiMidnight(day);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** A change of balance at an explicit instant, the way every service posts one. */
async function move(c: TestCustomer, cash: string, at: Date) {
  await db().transaction(async (tx) => {
    await lockAccount(tx, c.accountId);
    await post(
      tx,
      c.accountId,
      { kind: "adjustment", cashDelta: money(cash), giftDelta: ZERO, note: "test" },
      { kind: "system" },
      at,
    );
  });
}

const alertDays = async (c: TestCustomer) =>
  (
    await db()
      .select({ day: notifications.day })
      .from(notifications)
      .where(and(eq(notifications.accountId, c.accountId), eq(notifications.kind, "balance_alert")))
      .orderBy(notifications.day)
  ).map((r) => r.day);

/** Threshold 100.00 on a balance of 500.00, then a drop to 50.00 at 12:00 on `day`. */
async function below(day: string) {
  const c = await createCustomer(op, { cash: "500.00" });
  await setBalanceAlert(c.actor, "100.00");
  await move(c, "-450.00", plus(mid(day), 12 * 3600 * SEC));
  return c;
}

describe("R-LIFE-8 balance alert days", () => {
  it(
    "R-LIFE-8: the drop alerts at once (day 1); each midnight below alerts " +
      "(days 2..5), one second before it nothing; day 6 nothing",
    async () => {
      const c = await below("2032-03-01");
      expect(await alertDays(c)).toEqual(["2032-03-01"]);
      expect(await runBalanceAlertsDue(plus(mid("2032-03-01"), 12 * 3600 * SEC), plus(mid("2032-03-02"), -SEC))).toBe(
        0,
      );
      expect(await alertDays(c)).toEqual(["2032-03-01"]);
      await runBalanceAlertsDue(plus(mid("2032-03-02"), -SEC), plus(mid("2032-03-02"), SEC));
      expect(await alertDays(c)).toEqual(["2032-03-01", "2032-03-02"]);
      await runBalanceAlertsDue(plus(mid("2032-03-02"), SEC), plus(mid("2032-03-06"), -SEC));
      expect(await alertDays(c)).toEqual(["2032-03-01", "2032-03-02", "2032-03-03", "2032-03-04", "2032-03-05"]);
      // day 6: the sixth midnight below sends nothing, nor any later one
      await runBalanceAlertsDue(plus(mid("2032-03-06"), -SEC), plus(mid("2032-03-20"), SEC));
      expect(await alertDays(c)).toHaveLength(5);
      const [state] = await db().select().from(balanceAlerts).where(eq(balanceAlerts.accountId, c.accountId));
      expect([state!.streak, state!.lastAlertDay]).toEqual([5, "2032-03-05"]);
    },
    SLOW,
  );

  it(
    "R-LIFE-8: re-armed once the balance is at the threshold again; the " +
      "next drop alerts at once and the days count from 1",
    async () => {
      const c = await below("2032-04-01");
      await runBalanceAlertsDue(mid("2032-04-01"), plus(mid("2032-04-10"), SEC));
      expect(await alertDays(c)).toHaveLength(5);
      await move(c, "50.00", plus(mid("2032-04-10"), 9 * 3600 * SEC)); // exactly 100.00 = at the threshold
      const [state] = await db().select().from(balanceAlerts).where(eq(balanceAlerts.accountId, c.accountId));
      expect(state!.streak).toBe(0);
      await runBalanceAlertsDue(plus(mid("2032-04-10"), SEC), plus(mid("2032-04-11"), SEC)); // at 100.00: no alert
      expect(await alertDays(c)).toHaveLength(5);
      await move(c, "-0.01", plus(mid("2032-04-11"), 8 * 3600 * SEC));
      expect((await alertDays(c)).at(-1)).toBe("2032-04-11");
      await runBalanceAlertsDue(plus(mid("2032-04-11"), SEC), plus(mid("2032-04-20"), SEC));
      expect((await alertDays(c)).slice(5)).toEqual([
        "2032-04-11",
        "2032-04-12",
        "2032-04-13",
        "2032-04-14",
        "2032-04-15",
      ]);
    },
    SLOW,
  );

  it(
    "R-LIFE-8 / R-LIFE-7: one long window equals day-by-day windows, and repeating a window does nothing more",
    async () => {
      const long = await below("2032-05-01");
      const daily = await below("2032-05-01");
      await runBalanceAlertsDue(plus(mid("2032-05-01"), 12 * 3600 * SEC), plus(mid("2032-05-09"), 0));
      for (let d = 1; d <= 8; d++) {
        const from = d === 1 ? plus(mid("2032-05-01"), 12 * 3600 * SEC) : mid(`2032-05-0${d}`);
        await runBalanceAlertsDue(from, mid(`2032-05-0${d + 1}`));
      }
      expect(await alertDays(long)).toEqual(await alertDays(daily));
      expect(await runBalanceAlertsDue(mid("2032-05-01"), mid("2032-05-09"))).toBe(0);
      expect(await alertDays(long)).toHaveLength(5);
    },
    SLOW,
  );

  it(
    "R-LIFE-8: the balance at each midnight is read from the ledger at that instant, not today's",
    async () => {
      const c = await below("2032-06-01");
      // a top-up later in the window (day 3, 10:00) does not hide days 2 and 3 below the threshold
      await move(c, "1000.00", plus(mid("2032-06-03"), 10 * 3600 * SEC));
      await runBalanceAlertsDue(plus(mid("2032-06-01"), 12 * 3600 * SEC), plus(mid("2032-06-03"), 0));
      expect(await alertDays(c)).toEqual(["2032-06-01", "2032-06-02", "2032-06-03"]);
      await runBalanceAlertsDue(mid("2032-06-03"), mid("2032-06-10"));
      expect(await alertDays(c)).toHaveLength(3);
    },
    SLOW,
  );

  it(
    "R-LIFE-8: no threshold, no alert; removing the threshold stops alerts",
    async () => {
      const c = await below("2032-07-01");
      await setBalanceAlert(c.actor, null);
      await runBalanceAlertsDue(mid("2032-07-01"), mid("2032-07-05"));
      expect(await alertDays(c)).toEqual(["2032-07-01"]);
    },
    SLOW,
  );
});
