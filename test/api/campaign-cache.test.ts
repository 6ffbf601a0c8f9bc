/**
 * Issue 11: quotes and orders price with this process's copy of the campaigns while their version (migration
 * 0012's trigger) is unchanged (lib/services/campaign-cache.ts). A change is seen by the next statement that
 * reads the version; a change that is rolled back leaves a version number nobody sees again. Campaigns are
 * shared by every test file, so the changes here are made inside transactions that are rolled back.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/db/client";
import { campaigns } from "@/db/schema";
import { POST as quoteRoute } from "@/app/api/v1/quotes/route";
import { createApp } from "@/lib/services/apps";
import { campaignReads, campaignsAt } from "@/lib/services/campaign-cache";
import { call, createCustomer, createOperator, SLOW, type TestCustomer } from "../helpers";

let c: TestCustomer;
let sdkAppId: number;

beforeAll(async () => {
  c = await createCustomer(await createOperator(), { verified: true, cash: "1000.00" });
  sdkAppId = (await createApp(c.actor, { name: "campaign cache" })).sdkAppId;
}, SLOW);

const versionOf = async (conn: { execute: Tx["execute"] } = db()) => {
  const [row] = await conn.execute<{ v: string }>(sql`select campaigns::text as v from catalog_version where id = 1`);
  return row!.v;
};

class RolledBack extends Error {}
/** Runs `fn` in a transaction that is always rolled back. */
async function inRolledBack(fn: (tx: Tx) => Promise<void>) {
  await expect(
    db().transaction(async (tx) => {
      await fn(tx);
      throw new RolledBack();
    }),
  ).rejects.toBeInstanceOf(RolledBack);
}

const quote = () =>
  call(quoteRoute, { key: c.apiKey, body: { type: "plan", sdkAppId, edition: "pro", months: 1, agreeSla: true } });

describe("the campaigns' copy (issue 11)", () => {
  it("quotes at an unchanged version read the campaigns once, not once a quote", async () => {
    // Another test file may change campaigns meanwhile (a new version): then try again.
    for (let attempt = 0; ; attempt++) {
      expect((await quote()).status).toBe(200);
      const before = { version: await versionOf(), reads: campaignReads() };
      for (let i = 0; i < 5; i++) expect((await quote()).json).toMatchObject({ total: "99.90" });
      if ((await versionOf()) === before.version) {
        expect(campaignReads()).toBe(before.reads);
        return;
      }
      if (attempt === 5) throw new Error("the campaigns kept changing");
    }
  });

  it("a change gives a new version in its transaction; the copy is read again and holds the change", async () => {
    const committed = await versionOf();
    await inRolledBack(async (tx) => {
      await tx.update(campaigns).set({ name: "renamed in a rolled-back test" }).where(sql`code = 'first_purchase'`);
      const changed = await versionOf(tx);
      expect(changed).not.toBe(committed);
      const reads = campaignReads();
      const rules = await campaignsAt(tx, changed);
      expect(campaignReads()).toBe(reads + 1);
      expect(rules.find((r) => r.code === "first_purchase")?.name).toBe("renamed in a rolled-back test");
      // Other statements (outside the transaction) still see the old version and the old campaigns.
      expect(await versionOf()).toBe(committed);
    });
    const after = await versionOf();
    const rules = await campaignsAt(db(), after);
    expect(rules.find((r) => r.code === "first_purchase")?.name).not.toBe("renamed in a rolled-back test");
  });

  it("a rolled-back change's version number is never seen again", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 2; i++)
      await inRolledBack(async (tx) => {
        await tx
          .update(campaigns)
          .set({ updatedAt: new Date(0) })
          .where(sql`code = 'ultimate_annual'`);
        seen.push(await versionOf(tx));
      });
    expect(new Set(seen).size).toBe(2);
    expect(seen).not.toContain(await versionOf());
  });

  it("the rules handed out are frozen: a caller cannot change another request's campaigns", async () => {
    const rules = await campaignsAt(db(), await versionOf());
    expect(rules.length).toBeGreaterThan(0);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules[0])).toBe(true);
  });
});
