/**
 * Applies the balance-alert rule (lib/billing/balance-alert.ts) to one account at one instant, inside
 * the caller's transaction (which holds the account lock): called where the balance changes (ledger
 * `post`), when the owner sets a threshold, and at each Shanghai midnight (runBalanceAlertsDue).
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { balanceAlerts } from "@/db/schema";
import { decideBalanceAlert } from "@/lib/billing/balance-alert";
import { shanghaiDay } from "@/lib/billing/calendar";
import { money, toMoneyString, type Money } from "@/lib/money";
import { notify } from "./notifications";

type AlertSettings = { threshold: string; streak: number; lastAlertDay: string | null };

/**
 * Returns true when an alert went out. `known` is the account's balance_alerts row when the caller has
 * already read it in its transaction (ledger `post` reads it with the balance change); null = no row.
 */
export async function checkBalanceAlert(
  tx: DbOrTx,
  accountId: string,
  available: Money,
  at: Date,
  known?: AlertSettings | null,
): Promise<boolean> {
  const row =
    known !== undefined
      ? known
      : (await tx.select().from(balanceAlerts).where(eq(balanceAlerts.accountId, accountId)))[0];
  if (!row) return false;
  const d = decideBalanceAlert(
    { threshold: money(row.threshold), streak: row.streak, lastAlertDay: row.lastAlertDay },
    available,
    shanghaiDay(at),
  );
  if (d.kind === "rearm") {
    await tx.update(balanceAlerts).set({ streak: 0, updatedAt: at }).where(eq(balanceAlerts.accountId, accountId));
    return false;
  }
  if (d.kind !== "alert") return false;
  await tx
    .update(balanceAlerts)
    .set({ streak: d.streak, lastAlertDay: d.lastAlertDay, updatedAt: at })
    .where(eq(balanceAlerts.accountId, accountId));
  await notify(tx, {
    accountId,
    kind: "balance_alert",
    at,
    data: { available: toMoneyString(available), threshold: toMoneyString(money(row.threshold)), day: d.streak },
  });
  return true;
}
