/** Wire forms of quotes and orders (API.md): money as two-decimal strings, instants as ISO 8601. */
import type { Quote, QuoteLine } from "@/lib/billing/quote";
import { money, toMoneyString, type Money } from "@/lib/money";
import type { OrderView, QuoteView } from "./purchase";
import { previewJson } from "./refund-json";

const monthsNumber = (m: Money) => Number(m.toDecimalPlaces(6).toString());

function quoteLineJson(l: QuoteLine) {
  return {
    sdkAppId: l.sdkAppId,
    product: l.product,
    ...(l.product === "plan" ? { edition: l.edition } : {}),
    ...(l.tier !== null ? { tier: l.tier } : {}),
    billing: l.billing,
    months: monthsNumber(l.months),
    periodStart: l.periodStart.toISOString(),
    periodEnd: l.periodEnd.toISOString(),
    unitPrice: toMoneyString(l.unitPrice),
    listAmount: toMoneyString(l.listAmount),
    discountAmount: toMoneyString(l.discountAmount),
    ...(l.campaign ? { campaign: l.campaign.code ?? l.campaign.id, campaignName: l.campaign.name } : {}),
    amount: toMoneyString(l.amount),
  };
}

export function quoteJson(v: QuoteView) {
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
    balance: { cash: toMoneyString(v.balance.cash), gift: toMoneyString(v.balance.gift), available: toMoneyString(v.balance.available) },
    shortfall: toMoneyString(v.shortfall),
  };
}
export type QuoteJson = ReturnType<typeof quoteJson>;

export function orderJson(o: OrderView) {
  return {
    id: o.id,
    orderNo: o.orderNo,
    type: o.type,
    status: "paid" as const,
    lines: o.lines.map((l) => ({
      sdkAppId: Number(l.sdkAppId),
      appName: l.appName,
      product: l.product,
      ...(l.product === "plan" ? { edition: l.edition } : {}),
      ...(l.tier !== null ? { tier: l.tier } : {}),
      billing: l.billing,
      months: monthsNumber(money(l.months)),
      periodStart: l.periodStart.toISOString(),
      periodEnd: l.periodEnd.toISOString(),
      unitPrice: l.unitPrice,
      listAmount: l.listAmount,
      discountAmount: l.discountAmount,
      ...(l.campaignId ? { campaign: l.campaignCode ?? l.campaignId, campaignName: l.campaignName } : {}),
      amount: l.amount,
      paid: { cash: l.paidCash, gift: l.paidGift, voucher: l.paidVoucher },
      refundable: l.refundable,
      priceBookVersion: l.priceBookVersion,
    })),
    listTotal: o.listTotal,
    discountTotal: o.discountTotal,
    voucherAmount: o.voucherAmount,
    ...(o.voucherId ? { voucherId: o.voucherId } : {}),
    total: o.total,
    paid: { cash: o.paidCash, gift: o.paidGift, voucher: o.paidVoucher },
    ...(o.refund ? { refund: { id: o.refund.id, total: o.refund.total, cash: o.refund.cash, gift: o.refund.gift }, net: toMoneyString(money(o.total).minus(o.refund.total)) } : {}),
    placedBy: o.placedByRole,
    createdAt: o.createdAt.toISOString(),
  };
}
export type OrderJson = ReturnType<typeof orderJson>;
