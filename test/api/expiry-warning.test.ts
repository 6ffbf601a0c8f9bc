/**
 * Issue 10: the expiry warning window has one definition (lib/billing/lifecycle.ts). The overview's
 * SQL list (expiringApps) and the banners' rows (lifecycleSummary) agree at its boundaries.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, expiringApps, lifecycleSummary, setDontRenew } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { createCustomer, createOperator, SLOW, type TestOperator } from "../helpers";

const WEEK = 7 * 86_400_000;
let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

async function paidApp(name: string) {
  const c = await createCustomer(op, { verified: true, cash: "5000.00" });
  const app = await createApp(c.actor, { name });
  const { order } = await placeOrder(
    c.actor,
    { type: "plan", sdkAppId: app.sdkAppId, edition: "pro", months: 1, packs: [], agreeSla: true },
    `expiry-warning-${app.sdkAppId}`,
  );
  return { c, sdkAppId: app.sdkAppId, E: order.lines[0]!.periodEnd };
}

async function both(accountId: string, at: Date) {
  const [sql, summary] = await Promise.all([expiringApps(accountId, at), lifecycleSummary(accountId, at)]);
  return { overview: sql.map((a) => a.sdkAppId), banner: summary.expiring.map((a) => a.sdkAppId) };
}

describe("issue 10 / §7: one expiry warning window for the overview and the banners", () => {
  it(
    "§7: [E − 7 d, E): from E − 7 d exactly, not one second before, not at E — the same in SQL and TS",
    async () => {
      const { c, sdkAppId, E } = await paidApp("window");
      const at = (ms: number) => both(c.accountId, new Date(E.getTime() - ms));
      expect(await at(WEEK + 1000)).toEqual({ overview: [], banner: [] });
      expect(await at(WEEK)).toEqual({ overview: [sdkAppId], banner: [sdkAppId] });
      expect(await at(1000)).toEqual({ overview: [sdkAppId], banner: [sdkAppId] });
      expect(await at(0)).toEqual({ overview: [], banner: [] });
    },
    SLOW,
  );

  it(
    'R-LIFE-2: an app marked "don\'t renew" is still warned about on the overview and in the banner',
    async () => {
      const { c, sdkAppId, E } = await paidApp("dont renew");
      await setDontRenew(c.actor, sdkAppId, true);
      expect(await both(c.accountId, new Date(E.getTime() - 1000))).toEqual({
        overview: [sdkAppId],
        banner: [sdkAppId],
      });
    },
    SLOW,
  );
});
