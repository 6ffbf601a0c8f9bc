/**
 * What the console says about an app's term (issue 9): its expiry day and days left, or — after a
 * plan refund (R-REF-4) — the day it was refunded and the instant service stops; and what
 * auto-renew (R-BUY-9) will take from the balance at expiry.
 */
import type { Edition } from "./apps";
import { daysBetween, expiryDay, shanghaiDay } from "./calendar";
import { splitPayment } from "./quote";
import { wantsAutoRenew } from "./lifecycle";
import { ZERO, type Money } from "@/lib/money";

export type TermView =
  /** trial apps (and paid apps without a term) have no expiry */
  | { kind: "none" }
  /** a plan refund ended the term at `refundedAt`; service runs until `serviceUntil` (disabling) unless renewed */
  | { kind: "refunded"; refundedDay: string; serviceUntil: string; serviceEnded: boolean }
  /** a running or lapsed term: its expiry day (the Shanghai day before E) and whole days to it */
  | { kind: "term"; expiryDay: string; daysLeft: number };

export type TermApp = { edition: Edition; expiresAt: Date | null; disablingUntil: Date | null };

/**
 * R-REF-4: a plan refund sets E to the refund instant and opens the disabling period (`disablingUntil`);
 * a new term clears it. So an app with `disablingUntil` shows its refund, never E as an "expiry" —
 * which would be the day before it was bought for a five-day refund.
 */
export function termView(app: TermApp, at: Date): TermView {
  if (!app.expiresAt) return { kind: "none" };
  if (app.disablingUntil) {
    return {
      kind: "refunded",
      refundedDay: shanghaiDay(app.expiresAt),
      serviceUntil: app.disablingUntil.toISOString(),
      serviceEnded: app.disablingUntil <= at,
    };
  }
  const day = expiryDay(app.expiresAt);
  return { kind: "term", expiryDay: day, daysLeft: daysBetween(shanghaiDay(at), day) };
}

export type UpcomingRenewal = { sdkAppId: number; name: string; expiresAt: Date; total: Money };

export type RenewalNotice = { renewals: UpcomingRenewal[]; total: Money; shortfall: Money };

/**
 * R-BUY-9 announced: the renewals auto-renew will make (earliest first), their total, and by how much
 * the balance today falls short of paying them all — the payment rule the engine uses (gift first,
 * then cash; a negative cash balance pays nothing). Apps without auto-renew, marked "don't renew",
 * or without a quote are not announced.
 */
export function renewalNotice(
  apps: { sdkAppId: number; name: string; expiresAt: Date | null; autoRenew: boolean; dontRenew: boolean }[],
  totals: Map<number, Money>,
  balance: { cash: Money; gift: Money },
): RenewalNotice | null {
  const renewals = apps
    .filter((a) => a.expiresAt && wantsAutoRenew(a) && totals.has(a.sdkAppId))
    .map((a) => ({ sdkAppId: a.sdkAppId, name: a.name, expiresAt: a.expiresAt!, total: totals.get(a.sdkAppId)! }))
    .sort((x, y) => x.expiresAt.getTime() - y.expiresAt.getTime() || x.sdkAppId - y.sdkAppId);
  if (renewals.length === 0) return null;
  const total = renewals.reduce((s, r) => s.plus(r.total), ZERO);
  const pay = splitPayment(total, balance);
  return { renewals, total, shortfall: pay.kind === "insufficient_balance" ? pay.shortfall : ZERO };
}
