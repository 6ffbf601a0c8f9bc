import "server-only";
import { db, type DbOrTx } from "@/db/client";
import { wantsAutoRenew } from "@/lib/billing/lifecycle";
import { renewalNotice, type RenewalNotice } from "@/lib/billing/term";
import type { AppRow } from "./apps";
import { renewalQuotesFor } from "./purchase";

/**
 * R-BUY-9 announced (issue 9): for the given apps of the account, the renewals auto-renew will make
 * at their expiry, priced by the quote the engine itself will use, and the balance's shortfall.
 * No statement when none of the apps wants auto-renew; three otherwise, whatever their number.
 */
export async function autoRenewNotice(
  accountId: string,
  rows: AppRow[],
  conn: DbOrTx = db(),
): Promise<RenewalNotice | null> {
  const candidates = rows.filter(
    (a) => a.expiresAt && a.edition !== "trial" && a.status === "enabled" && wantsAutoRenew(a),
  );
  if (candidates.length === 0) return null;
  const { quotes, balance } = await renewalQuotesFor(conn, accountId, candidates);
  if (!balance) return null;
  return renewalNotice(candidates, new Map([...quotes].map(([id, q]) => [id, q.total])), balance);
}
