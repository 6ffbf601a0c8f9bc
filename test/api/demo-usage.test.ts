import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { bills } from "@/db/schema";
import { seedDemoUsage } from "@/db/demo-usage";
import { now } from "@/lib/clock";
import { listBills } from "@/lib/services/bill-views";
import { monthToDate } from "@/lib/services/usage";
import { createCustomer, createOperator, SLOW, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

describe("demo usage history", () => {
  it(
    "seeds two past months of usage through the services, makes their bills (one with DAU overage) in under 10 s",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "50000.00" });
      const started = performance.now();
      const r = await seedDemoUsage(c.actor, await now());
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `[demo-usage] ${r.days} app-days, ${r.logins} logins, ${r.bills} bill steps in ${seconds.toFixed(2)} s`,
      );
      expect(seconds).toBeLessThan(10);
      const list = await listBills(c.accountId);
      expect(list.length).toBe(2);
      expect(list.some((b) => b.lines.some((l) => l.item === "dau_overage"))).toBe(true);
      expect(
        (await db().select().from(bills).where(eq(bills.accountId, c.accountId))).every((b) => Number(b.total) > 0),
      ).toBe(true);
      const usage = await monthToDate(c.actor, r.sdkAppId);
      expect(usage.peaks.dau).toBeGreaterThan(10_000);
    },
    SLOW,
  );
});
