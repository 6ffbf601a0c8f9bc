/** API.md's account answer: `{id, name, verified, balance: {cash, gift, available}, inArrears, fiveDayRefundUsed}`. */
import { z } from "zod";
import type { accounts } from "@/db/schema/accounts";
import { money, toMoneyString } from "@/lib/money";
import { id, instant, iso, moneyString } from "./common";

export const accountJsonSchema = z
  .object({
    id,
    name: z.string(),
    verified: z.boolean(),
    balance: z.object({ cash: moneyString, gift: moneyString, available: moneyString }),
    inArrears: z.boolean(),
    fiveDayRefundUsed: z.boolean(),
  })
  .meta({ id: "Account" });
export type AccountJson = z.infer<typeof accountJsonSchema>;

export function accountJson(a: typeof accounts.$inferSelect): AccountJson {
  const cash = money(a.cash);
  const gift = money(a.gift);
  const available = cash.plus(gift);
  return {
    id: a.id,
    name: a.name,
    verified: a.verified,
    balance: { cash: toMoneyString(cash), gift: toMoneyString(gift), available: toMoneyString(available) },
    inArrears: available.lt(0),
    fiveDayRefundUsed: a.fiveDayRefundAt !== null,
  };
}

export const balanceAlertJsonSchema = z.object({ threshold: moneyString }).nullable();
export type BalanceAlertJson = z.infer<typeof balanceAlertJsonSchema>;

/** GET /account and PUT /account/balance-alert: the account with `balanceAlert`. */
export const accountWithAlertJsonSchema = accountJsonSchema
  .extend({ balanceAlert: balanceAlertJsonSchema })
  .meta({ id: "AccountWithAlert" });
export type AccountWithAlertJson = z.infer<typeof accountWithAlertJsonSchema>;

/** POST /admin/accounts: the new account and its first account key (shown once). */
export const createdAccountJsonSchema = z.object({ account: accountJsonSchema, apiKey: z.string() });

/** GET /admin/accounts: accounts with their owner and app count. */
export const adminAccountJsonSchema = accountJsonSchema
  .extend({ ownerEmail: z.string().nullable(), createdAt: instant, appCount: z.number().int() })
  .meta({ id: "AdminAccount" });
export type AdminAccountJson = z.infer<typeof adminAccountJsonSchema>;

export function adminAccountJson(a: AccountJson & { ownerEmail: string | null; createdAt: Date; appCount: number }) {
  return { ...a, createdAt: iso(a.createdAt) } satisfies AdminAccountJson;
}
