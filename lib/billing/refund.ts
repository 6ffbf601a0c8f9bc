/**
 * Refunds (SPEC §6): five-day and standard refunds of one prepaid product of one app, the
 * cash/gift split, and the risk-review decision. Pure: rows and the instant are parameters.
 * A preview and an execution at the same instant call the same function, so they always agree.
 */
import { maxMoney, money, roundCents, sumMoney, ZERO, type Money } from "@/lib/money";
import { addDays, monthsBetween, shanghaiDay, shanghaiMidnight } from "./calendar";
import { isGone, type AppStatus, type Edition } from "./apps";

export type RefundMode = "five_day" | "standard";
export const REVIEW_AMOUNT = money("10000.00");
export const REVIEW_COUNT_WINDOW_DAYS = 30;
const FIVE_DAYS = 5;

/** One order line of the app that is still refundable (not claimed by another refund). */
export type RefundableLine = {
  lineId: string;
  orderId: string;
  /** the order's human number (O-…), carried through for display */
  orderNo?: string;
  orderCreatedAt: Date;
  product: string;
  months: Money;
  periodStart: Date;
  periodEnd: Date;
  paidCash: Money;
  paidGift: Money;
  /** false when a campaign not refundable by self-service priced it (R-PROMO-1) */
  refundable: boolean;
  billing: "prepaid" | "postpaid";
};

export type RefundLine = {
  lineId: string;
  orderId: string;
  orderNo?: string;
  product: string;
  /** cash + gift paid for this line (voucher excluded) */
  paid: Money;
  used: Money;
  amount: Money;
  cash: Money;
  gift: Money;
  /** why this line refunds nothing although it is listed */
  note?: "campaign_not_refundable";
};

export type RefundRequest = { product: string; mode: RefundMode };
export type RefundContext = {
  now: Date;
  app: { edition: Edition; status: AppStatus; expiresAt: Date | null };
  /** the account used its once-ever five-day refund (or has one waiting for review) */
  fiveDayUsed: boolean;
  /** a refund of this app and product is waiting for review */
  pendingForProduct: boolean;
  /** active prepaid packs of the app (pack names), refunded with a plan (R-REF-4) */
  activePacks: string[];
  /** every unclaimed line of the app whose period has not ended */
  lines: RefundableLine[];
};

export type RefundReason =
  | "trial_app"
  | "nothing_to_refund"
  | "five_day_used"
  | "five_day_window_passed"
  | "campaign_not_refundable"
  | "pending_review"
  | "app_gone";

export type RefundComputation =
  | { eligible: true; mode: RefundMode; lines: RefundLine[]; total: Money; cash: Money; gift: Money }
  | {
      eligible: false;
      mode: RefundMode;
      reason: RefundReason;
      lines: RefundLine[];
      total: Money;
      cash: Money;
      gift: Money;
    };

/** R-REF-1: an order placed on Shanghai day D may be refunded until 00:00 of day D+5. */
export function fiveDayDeadline(orderCreatedAt: Date): Date {
  return shanghaiMidnight(addDays(shanghaiDay(orderCreatedAt), FIVE_DAYS));
}

/** R-REF-3: the refund goes back to cash and gift in the proportion they paid for the line. */
export function splitRefund(amount: Money, paidCash: Money, paidGift: Money): { cash: Money; gift: Money } {
  const paid = paidCash.plus(paidGift);
  if (paid.isZero() || amount.isZero()) return { cash: ZERO, gift: ZERO };
  const cash = roundCents(amount.times(paidCash).div(paid));
  return { cash, gift: amount.minus(cash) };
}

/** R-REF-2: used = paid / n × months(start → now); not started → 0; the refund is never below 0. */
export function standardLine(l: RefundableLine, now: Date): RefundLine {
  const paid = l.paidCash.plus(l.paidGift);
  let used = ZERO;
  if (l.periodStart < now)
    used = l.months.isZero() ? paid : paid.div(l.months).times(monthsBetween(l.periodStart, now));
  const amount = roundCents(maxMoney(ZERO, paid.minus(used)));
  return {
    lineId: l.lineId,
    orderId: l.orderId,
    orderNo: l.orderNo,
    product: l.product,
    paid,
    used: roundCents(used),
    amount,
    ...splitRefund(amount, l.paidCash, l.paidGift),
  };
}

function fiveDayLine(l: RefundableLine): RefundLine {
  const paid = l.paidCash.plus(l.paidGift);
  return {
    lineId: l.lineId,
    orderId: l.orderId,
    orderNo: l.orderNo,
    product: l.product,
    paid,
    used: ZERO,
    amount: paid,
    cash: l.paidCash,
    gift: l.paidGift,
  };
}

function excluded(l: RefundableLine): RefundLine {
  const paid = l.paidCash.plus(l.paidGift);
  return {
    lineId: l.lineId,
    orderId: l.orderId,
    orderNo: l.orderNo,
    product: l.product,
    paid,
    used: ZERO,
    amount: ZERO,
    cash: ZERO,
    gift: ZERO,
    note: "campaign_not_refundable",
  };
}

function totals(mode: RefundMode, lines: RefundLine[]) {
  return {
    mode,
    lines,
    total: sumMoney(lines.map((l) => l.amount)),
    cash: sumMoney(lines.map((l) => l.cash)),
    gift: sumMoney(lines.map((l) => l.gift)),
  };
}

/** Which products a refund of `product` covers: a plan takes the app's active prepaid packs with it. */
export function productsCovered(product: string, activePacks: string[]): string[] {
  return product === "plan" ? ["plan", ...activePacks] : [product];
}

export function computeRefund(ctx: RefundContext, req: RefundRequest): RefundComputation {
  const none = (reason: RefundReason, lines: RefundLine[] = []): RefundComputation => ({
    eligible: false,
    reason,
    ...totals(req.mode, lines),
  });
  if (isGone(ctx.app.status)) return none("app_gone");
  if (ctx.app.edition === "trial") return none("trial_app");
  if (ctx.pendingForProduct) return none("pending_review");

  const covered = productsCovered(req.product, ctx.activePacks);
  const lines = ctx.lines
    .filter((l) => l.billing === "prepaid" && covered.includes(l.product) && l.periodEnd > ctx.now)
    .sort(
      (a, b) =>
        covered.indexOf(a.product) - covered.indexOf(b.product) || a.periodStart.getTime() - b.periodStart.getTime(),
    );
  if (!lines.some((l) => l.product === req.product)) return none("nothing_to_refund");

  if (req.mode === "five_day") {
    if (ctx.fiveDayUsed) return none("five_day_used");
    const own = lines.filter((l) => l.product === req.product);
    if (own.some((l) => ctx.now >= fiveDayDeadline(l.orderCreatedAt))) return none("five_day_window_passed");
    if (own.every((l) => !l.refundable)) return none("campaign_not_refundable", lines.map(excluded));
    // Packs go with the plan by the same rule; one bought outside the window blocks the whole refund.
    if (lines.some((l) => l.refundable && ctx.now >= fiveDayDeadline(l.orderCreatedAt)))
      return none("five_day_window_passed");
    return {
      eligible: true,
      ...totals(
        "five_day",
        lines.map((l) => (l.refundable ? fiveDayLine(l) : excluded(l))),
      ),
    };
  }

  const computed = lines.map((l) => (l.refundable ? standardLine(l, ctx.now) : excluded(l)));
  if (lines.filter((l) => l.product === req.product).every((l) => !l.refundable))
    return none("campaign_not_refundable", computed);
  return { eligible: true, ...totals("standard", computed) };
}

/** R-REF-6: ≥ 10,000 CNY, or the account's third refund within 30 days, waits for an operator. */
export function needsReview(total: Money, refundsInLast30Days: number): "amount" | "frequency" | null {
  if (total.gte(REVIEW_AMOUNT)) return "amount";
  if (refundsInLast30Days >= 2) return "frequency";
  return null;
}
