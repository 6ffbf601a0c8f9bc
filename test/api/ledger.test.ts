import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { POST as adminTopUp } from "@/app/api/v1/admin/accounts/[id]/topups/route";
import { getAccount, topUp } from "@/lib/services/accounts";
import { ledgerSums } from "@/lib/services/ledger";
import { money, ZERO } from "@/lib/money";
import { MONEY_STRING, call, createCustomer, createOperator, ledgerRows, SLOW, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

/** Cents as one of the accepted money spellings: "12.30", "12.3", "12". */
const amountArb = fc
  .tuple(fc.integer({ min: 1, max: 50_000_000 }), fc.constantFrom("fixed", "short"))
  .map(([cents, style]) => {
    const s = money(cents).div(100).toFixed(2);
    return style === "fixed" ? s : s.replace(/\.?0+$/, "");
  });

const opArb = fc
  .record({
    cash: fc.option(amountArb, { nil: undefined }),
    gift: fc.option(amountArb, { nil: undefined }),
    viaApi: fc.boolean(),
  })
  .filter((o) => o.cash !== undefined || o.gift !== undefined);

describe("R-MONEY-2 balance = Σ ledger", () => {
  it(
    "R-MONEY-2: after any sequence of top-ups and grants, cash/gift " +
      "equal the ledger sums and read as two-decimal strings",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 5 }), async (ops) => {
          const c = await createCustomer(op);
          let cash = ZERO;
          let gift = ZERO;
          let postings = 0;
          for (const o of ops) {
            const input = { cash: o.cash, gift: o.gift, note: "property" };
            if (o.viaApi) {
              const r = await call(adminTopUp, { key: op.key, params: { id: c.accountId }, body: input });
              expect(r.status).toBe(200);
            } else {
              await topUp(op.actor, c.accountId, input);
            }
            if (o.cash) {
              cash = cash.plus(o.cash);
              postings++;
            }
            if (o.gift) {
              gift = gift.plus(o.gift);
              postings++;
            }
          }
          const account = await getAccount(c.accountId);
          const sums = await ledgerSums(db(), c.accountId);
          expect(money(account.cash).eq(sums.cash)).toBe(true);
          expect(money(account.gift).eq(sums.gift)).toBe(true);
          expect(sums.cash.eq(cash)).toBe(true);
          expect(sums.gift.eq(gift)).toBe(true);

          // The running "after" columns chain from zero to the balance.
          const rows = await ledgerRows(c.accountId);
          expect(rows).toHaveLength(postings);
          let runCash = ZERO;
          let runGift = ZERO;
          for (const r of rows) {
            runCash = runCash.plus(r.cashDelta);
            runGift = runGift.plus(r.giftDelta);
            expect(money(r.cashAfter).eq(runCash)).toBe(true);
            expect(money(r.giftAfter).eq(runGift)).toBe(true);
          }

          const me = await call(accountRoute, { key: c.apiKey });
          const b = me.json.balance;
          for (const v of [b.cash, b.gift, b.available]) {
            expect(typeof v).toBe("string");
            expect(v).toMatch(MONEY_STRING);
          }
          expect(b).toEqual({ cash: cash.toFixed(2), gift: gift.toFixed(2), available: cash.plus(gift).toFixed(2) });
        }),
        { numRuns: 8 },
      );
    },
    3 * SLOW,
  );
});

/** The PostgreSQL error behind a drizzle query error. */
async function pgError(p: Promise<unknown>): Promise<{ message: string; code?: string }> {
  try {
    await p;
  } catch (e) {
    const inner =
      (e as { cause?: { message: string; code?: string } }).cause ?? (e as { message: string; code?: string });
    return { message: inner.message, code: inner.code };
  }
  throw new Error("the statement was not refused");
}

describe("R-ACC-4 append-only ledger and audit log", () => {
  it(
    "R-ACC-4: UPDATE, DELETE and TRUNCATE on ledger_entries and audit_log are refused by the database",
    async () => {
      const c = await createCustomer(op, { cash: "50.00", gift: "5.00" });
      const before = await ledgerRows(c.accountId);
      expect(before).toHaveLength(2);
      const attempts = [
        sql`UPDATE ledger_entries SET cash_delta = 1000000 WHERE account_id = ${c.accountId}`,
        sql`UPDATE ledger_entries SET note = 'edited' WHERE account_id = ${c.accountId}`,
        sql`DELETE FROM ledger_entries WHERE account_id = ${c.accountId}`,
        sql`UPDATE audit_log SET action = 'edited' WHERE account_id = ${c.accountId}`,
        sql`DELETE FROM audit_log WHERE account_id = ${c.accountId}`,
      ];
      for (const q of attempts) {
        const e = await pgError(db().execute(q));
        expect(e.message).toMatch(/append-only/);
        expect(e.code).toBe("42501");
      }
      for (const table of ["ledger_entries", "audit_log"]) {
        // Inside a transaction that is always rolled back, so a missing trigger could not wipe other tests' rows.
        const e = await pgError(
          db().transaction(async (tx) => {
            await tx.execute(sql.raw(`TRUNCATE ${table}`));
            tx.rollback();
          }),
        );
        expect(e.message).toMatch(/append-only/);
      }
      const after = await ledgerRows(c.accountId);
      expect(after).toEqual(before);
      expect((await call(accountRoute, { key: c.apiKey })).json.balance).toEqual({
        cash: "50.00",
        gift: "5.00",
        available: "55.00",
      });
    },
    SLOW,
  );
});
