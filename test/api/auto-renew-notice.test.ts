/**
 * Issue 9: an app with auto-renew says when it renews and for how much, from the engine's own renewal quote (R-BUY-9).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, apps, orders } from "@/db/schema";
import { money } from "@/lib/money";
import { createApp, lifecycleSummary, setAutoRenew, setDontRenew } from "@/lib/services/apps";
import { autoRenewNotice } from "@/lib/services/auto-renew-notice";
import { runLifecycle } from "@/lib/services/lifecycle";
import { placeOrder } from "@/lib/services/purchase";
import { createCustomer, createOperator, SLOW, type TestOperator } from "../helpers";

const DAY = 86_400_000;
let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});
let seq = 0;
const key = () => `notice-${Date.now()}-${++seq}`;

/**
 * A verified account with `cash` left after one pro app (999.00 / month) bought
 * for 1 month, with the security pack (1,000.00 / month) when asked.
 */
async function paidApp(cash: string, opts: { autoRenew?: boolean; pack?: boolean } = {}) {
  const c = await createCustomer(op, {
    verified: true,
    cash: money(cash)
      .plus(opts.pack ? "1999.00" : "999.00")
      .toFixed(2),
  });
  const app = await createApp(c.actor, { name: `notice ${++seq}` });
  const { order } = await placeOrder(
    c.actor,
    {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition: "pro",
      months: 1,
      packs: opts.pack ? [{ pack: "security_advanced", tier: null }] : [],
      autoRenew: opts.autoRenew ?? true,
      agreeSla: true,
    },
    key(),
  );
  return { c, sdkAppId: app.sdkAppId, E: order.lines[0]!.periodEnd };
}

/** What the balance holds now (cash + gift); a first purchase may have had a campaign discount. */
const available = async (accountId: string) => {
  const [a] = await db().select().from(accounts).where(eq(accounts.id, accountId));
  return money(a!.cash).plus(a!.gift);
};

async function noticeAt(accountId: string, at: Date) {
  const s = await lifecycleSummary(accountId, at);
  return { s, notice: await autoRenewNotice(accountId, s.expiring) };
}

describe("issue 9 / R-BUY-9: the auto-renew notice", () => {
  it(
    "R-BUY-9: in the warning window the notice states the renewal of " +
      "plan and packs, and the engine charges exactly that at E",
    async () => {
      const { c, sdkAppId, E } = await paidApp("5000.00", { pack: true });
      const { s, notice } = await noticeAt(c.accountId, new Date(E.getTime() - 3 * DAY));
      expect(s.expiring.map((a) => a.sdkAppId)).toEqual([sdkAppId]);
      expect(notice!.renewals.map((r) => [r.sdkAppId, r.expiresAt.toISOString(), r.total.toFixed(2)])).toEqual([
        [sdkAppId, E.toISOString(), "1999.00"],
      ]);
      expect(notice!.total.toFixed(2)).toBe("1999.00");
      expect(notice!.shortfall.toFixed(2)).toBe("0.00");

      await runLifecycle(E, { accountIds: [c.accountId] });
      const [renewal] = await db()
        .select()
        .from(orders)
        .where(and(eq(orders.accountId, c.accountId), eq(orders.actor, "system:auto_renew")));
      expect(renewal!.total).toBe(notice!.total.toFixed(2));
    },
    SLOW,
  );

  it(
    "R-BUY-9: a balance too small says by how much (gift and cash together), and the engine indeed cannot renew",
    async () => {
      const { c, sdkAppId, E } = await paidApp("501.00", { pack: true });
      const { notice } = await noticeAt(c.accountId, new Date(E.getTime() - DAY));
      expect(notice!.total.toFixed(2)).toBe("1999.00");
      const left = await available(c.accountId);
      expect(left.lt("1999.00")).toBe(true);
      expect(notice!.shortfall.toFixed(2)).toBe(money("1999.00").minus(left).toFixed(2));
      await runLifecycle(E, { accountIds: [c.accountId] });
      expect((await db().select().from(apps).where(eq(apps.sdkAppId, sdkAppId)))[0]).toMatchObject({ status: "grace" });
    },
    SLOW,
  );

  it(
    "several apps: earliest first, one total, shortfall against all of them",
    async () => {
      const { c, sdkAppId, E } = await paidApp("1200.00");
      const other = await createApp(c.actor, { name: "second" });
      await placeOrder(
        c.actor,
        {
          type: "plan",
          sdkAppId: other.sdkAppId,
          edition: "pro",
          months: 1,
          packs: [],
          autoRenew: true,
          agreeSla: true,
        },
        key(),
      );
      const { s, notice } = await noticeAt(c.accountId, new Date(E.getTime() - DAY));
      expect(s.expiring).toHaveLength(2);
      expect(notice!.renewals.map((r) => r.sdkAppId)).toEqual([sdkAppId, other.sdkAppId]);
      expect(notice!.total.toFixed(2)).toBe("1998.00");
      const left = await available(c.accountId);
      expect(left.lt("1998.00") && left.gt(0)).toBe(true);
      expect(notice!.shortfall.toFixed(2)).toBe(money("1998.00").minus(left).toFixed(2));
    },
    SLOW,
  );

  it(
    'no notice when auto-renew is off or the app is marked "don\'t renew"; the plain expiry warning stays',
    async () => {
      const off = await paidApp("5000.00", { autoRenew: false });
      const a = await noticeAt(off.c.accountId, new Date(off.E.getTime() - DAY));
      expect(a.s.expiring.map((x) => x.sdkAppId)).toEqual([off.sdkAppId]);
      expect(a.notice).toBeNull();

      const marked = await paidApp("5000.00");
      await setDontRenew(marked.c.actor, marked.sdkAppId, true);
      expect((await noticeAt(marked.c.accountId, new Date(marked.E.getTime() - DAY))).notice).toBeNull();
      // turning auto-renew back on brings the notice back
      await setAutoRenew(marked.c.actor, marked.sdkAppId, true);
      expect((await noticeAt(marked.c.accountId, new Date(marked.E.getTime() - DAY))).notice!.total.toFixed(2)).toBe(
        "999.00",
      );
    },
    SLOW,
  );

  it(
    "another account's apps are never quoted against this account",
    async () => {
      const a = await paidApp("5000.00");
      const b = await paidApp("5000.00");
      const rows = (await lifecycleSummary(b.c.accountId, new Date(b.E.getTime() - DAY))).expiring;
      expect(await autoRenewNotice(a.c.accountId, rows)).toBeNull();
    },
    SLOW,
  );
});
