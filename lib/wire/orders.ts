/** API.md `quote` / `order`: money as two-decimal strings, instants as ISO 8601. */
import { z } from "zod";
import { ORDER_STATUSES, ORDER_TYPES } from "@/db/schema/orders";
import { orderNumberOf, refundNumberOf } from "@/lib/billing/numbers";
import type { Quote, QuoteLine } from "@/lib/billing/quote";
import { money, toMoneyString, type Money } from "@/lib/money";
import type { OrderView, PendingLines, QuoteView } from "@/lib/services/purchase";
import { id, instant, iso, moneyString, sdkAppId } from "./common";
import { previewJson, previewJsonSchema } from "./refunds";

const monthsNumber = (m: Money) => Number(m.toDecimalPlaces(6).toString());

const lineFields = {
  sdkAppId,
  product: z.string(),
  edition: z.string().nullable().optional(),
  tier: z.string().optional(),
  billing: z.enum(["prepaid", "postpaid"]),
  months: z.number(),
  periodStart: instant,
  periodEnd: instant,
  unitPrice: moneyString,
  listAmount: moneyString,
  discountAmount: moneyString,
  campaign: z.string().optional(),
  campaignName: z.string().nullable().optional(),
  amount: moneyString,
};
const balanceJsonSchema = z.object({ cash: moneyString, gift: moneyString, available: moneyString });

export const quoteJsonSchema = z
  .object({
    type: z.enum(ORDER_TYPES),
    lines: z.array(z.object(lineFields)),
    listTotal: moneyString,
    discountTotal: moneyString,
    voucherAmount: moneyString,
    voucherId: id.optional(),
    total: moneyString,
    // change orders (R-BUY-3): the refund of the current plan made in the same transaction, and total − refund
    refund: previewJsonSchema.optional(),
    net: moneyString.optional(),
    priceBookVersion: z.string(),
    balance: balanceJsonSchema,
    shortfall: moneyString,
  })
  .meta({ id: "Quote" });
export type QuoteJson = z.infer<typeof quoteJsonSchema>;

function quoteLineJson(l: QuoteLine): QuoteJson["lines"][number] {
  return {
    sdkAppId: l.sdkAppId,
    product: l.product,
    ...(l.product === "plan" ? { edition: l.edition } : {}),
    ...(l.tier !== null ? { tier: l.tier } : {}),
    billing: l.billing,
    months: monthsNumber(l.months),
    periodStart: iso(l.periodStart),
    periodEnd: iso(l.periodEnd),
    unitPrice: toMoneyString(l.unitPrice),
    listAmount: toMoneyString(l.listAmount),
    discountAmount: toMoneyString(l.discountAmount),
    ...(l.campaign ? { campaign: l.campaign.code ?? l.campaign.id, campaignName: l.campaign.name } : {}),
    amount: toMoneyString(l.amount),
  };
}

export function quoteJson(v: QuoteView): QuoteJson {
  const q: Quote = v.quote;
  return {
    type: q.type,
    lines: q.lines.map(quoteLineJson),
    listTotal: toMoneyString(q.listTotal),
    discountTotal: toMoneyString(q.discountTotal),
    voucherAmount: toMoneyString(q.voucherAmount),
    ...(q.voucherId ? { voucherId: q.voucherId } : {}),
    total: toMoneyString(q.total),
    ...(q.refund ? { refund: previewJson(q.refund), net: toMoneyString(q.total.minus(q.refund.total)) } : {}),
    priceBookVersion: q.priceBookVersion,
    balance: {
      cash: toMoneyString(v.balance.cash),
      gift: toMoneyString(v.balance.gift),
      available: toMoneyString(v.balance.available),
    },
    shortfall: toMoneyString(v.shortfall),
  };
}

const paidJsonSchema = z.object({ cash: moneyString, gift: moneyString, voucher: moneyString });
const orderLineJsonSchema = z.object({
  ...lineFields,
  appName: z.string(),
  paid: paidJsonSchema,
  refundable: z.boolean(),
  priceBookVersion: z.string(),
});
type LineJson = z.infer<typeof orderLineJsonSchema>;

export const orderJsonSchema = z
  .object({
    id,
    orderNo: z.string(),
    type: z.enum(ORDER_TYPES),
    // paid | pending_review (a plan change waiting for its refund's review, R-BUY-3) | rejected
    status: z.enum(ORDER_STATUSES),
    // R-BUY-9: placed by the platform on the app's auto-renew instruction
    autoRenewal: z.boolean(),
    lines: z.array(orderLineJsonSchema),
    listTotal: moneyString,
    discountTotal: moneyString,
    voucherAmount: moneyString,
    voucherId: id.optional(),
    total: moneyString,
    paid: paidJsonSchema,
    refund: z
      .object({
        id,
        refundNo: z.string(),
        status: z.string(),
        total: moneyString,
        cash: moneyString,
        gift: moneyString,
        reviewReason: z.string().nullable(),
        rejectReason: z.string().nullable(),
        lines: z.array(
          z.object({
            orderId: id,
            product: z.string(),
            paid: moneyString,
            used: moneyString,
            amount: moneyString,
            cash: moneyString,
            gift: moneyString,
            note: z.string().optional(),
          }),
        ),
      })
      .optional(),
    net: moneyString.optional(),
    placedBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: "Order" });
export type OrderJson = z.infer<typeof orderJsonSchema>;

function paidLines(o: OrderView): LineJson[] {
  return o.lines.map((l) => ({
    sdkAppId: l.sdkAppId,
    appName: l.appName,
    product: l.product,
    ...(l.product === "plan" ? { edition: l.edition } : {}),
    ...(l.tier !== null ? { tier: l.tier } : {}),
    billing: l.billing,
    months: monthsNumber(money(l.months)),
    periodStart: iso(l.periodStart),
    periodEnd: iso(l.periodEnd),
    unitPrice: l.unitPrice,
    listAmount: l.listAmount,
    discountAmount: l.discountAmount,
    ...(l.campaignId ? { campaign: l.campaignCode ?? l.campaignId, campaignName: l.campaignName } : {}),
    amount: l.amount,
    paid: { cash: l.paidCash, gift: l.paidGift, voucher: l.paidVoucher },
    refundable: l.refundable,
    priceBookVersion: l.priceBookVersion,
  }));
}

/** A change waiting for review (or rejected) has no order lines yet: its quoted lines, nothing paid. */
function quotedLines(p: PendingLines): LineJson[] {
  return p.lines.map((l) => ({
    sdkAppId: l.sdkAppId,
    appName: l.appName,
    product: l.product,
    ...(l.product === "plan" ? { edition: l.edition } : {}),
    ...(l.tier !== null ? { tier: l.tier } : {}),
    billing: l.billing,
    months: monthsNumber(money(l.months)),
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    unitPrice: l.unitPrice,
    listAmount: l.listAmount,
    discountAmount: l.discountAmount,
    ...(l.campaign ? { campaign: l.campaign.code ?? l.campaign.id, campaignName: l.campaign.name } : {}),
    amount: l.amount,
    paid: { cash: "0.00", gift: "0.00", voucher: "0.00" },
    refundable: l.campaign ? l.campaign.refundable : true,
    priceBookVersion: p.priceBookVersion,
  }));
}

export function orderJson(o: OrderView): OrderJson {
  const r = o.refund;
  return {
    id: o.id,
    orderNo: orderNumberOf(o),
    type: o.type,
    status: o.status,
    autoRenewal: o.actor === "system:auto_renew",
    lines: o.lines.length === 0 && o.pendingLines ? quotedLines(o.pendingLines as PendingLines) : paidLines(o),
    listTotal: o.listTotal,
    discountTotal: o.discountTotal,
    voucherAmount: o.voucherAmount,
    ...(o.voucherId ? { voucherId: o.voucherId } : {}),
    total: o.total,
    paid: { cash: o.paidCash, gift: o.paidGift, voucher: o.paidVoucher },
    ...(r
      ? {
          refund: {
            id: r.id,
            refundNo: refundNumberOf(r),
            status: r.status,
            total: r.total,
            cash: r.cash,
            gift: r.gift,
            reviewReason: r.reviewReason,
            rejectReason: r.rejectReason,
            lines: r.lines.map((l) => ({
              orderId: l.orderId,
              product: l.product,
              paid: l.paid,
              used: l.used,
              amount: l.amount,
              cash: l.cash,
              gift: l.gift,
              ...(l.note ? { note: l.note } : {}),
            })),
          },
          net: toMoneyString(money(o.total).minus(r.total)),
        }
      : {}),
    placedBy: o.placedByRole,
    createdAt: iso(o.createdAt),
  };
}
