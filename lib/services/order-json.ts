/** Wire forms of quotes and orders (API.md): money as two-decimal strings, instants as ISO 8601. */
import "server-only";
import type { Quote, QuoteLine } from "@/lib/billing/quote";
import { money, toMoneyString, type Money } from "@/lib/money";
import { orderNumberOf, refundNumberOf } from "@/lib/billing/numbers";
import type { OrderView, PendingLines, QuoteView } from "./purchase";
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
    balance: {
      cash: toMoneyString(v.balance.cash),
      gift: toMoneyString(v.balance.gift),
      available: toMoneyString(v.balance.available),
    },
    shortfall: toMoneyString(v.shortfall),
  };
}
export type QuoteJson = ReturnType<typeof quoteJson>;

type LineJson = {
  sdkAppId: number;
  appName: string;
  product: string;
  edition?: string | null;
  tier?: string;
  billing: string;
  months: number;
  periodStart: string;
  periodEnd: string;
  unitPrice: string;
  listAmount: string;
  discountAmount: string;
  campaign?: string;
  campaignName?: string | null;
  amount: string;
  paid: { cash: string; gift: string; voucher: string };
  refundable: boolean;
  priceBookVersion: string;
};

function paidLines(o: OrderView): LineJson[] {
  return o.lines.map((l) => ({
    sdkAppId: l.sdkAppId,
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
  }));
}

/** A change waiting for review (or rejected) has no order lines yet: its quoted lines, nothing paid; periods as quoted. */
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

export function orderJson(o: OrderView) {
  const r = o.refund;
  return {
    id: o.id,
    orderNo: orderNumberOf(o),
    type: o.type,
    // paid | pending_review (a plan change waiting for its refund's review, R-BUY-3) | rejected
    status: o.status,
    // R-BUY-9: placed by the platform on the app's auto-renew instruction
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
    createdAt: o.createdAt.toISOString(),
  };
}
export type OrderJson = ReturnType<typeof orderJson>;
