/** Wire forms of refund previews and refunds (API.md): money as two-decimal strings. */
import "server-only";
import type { RefundComputation } from "@/lib/billing/refund";
import { refundNumberOf } from "@/lib/billing/numbers";
import { toMoneyString } from "@/lib/money";
import type { RefundView } from "./refund";

export function previewJson(c: RefundComputation) {
  return {
    mode: c.mode,
    eligible: c.eligible,
    ...(c.eligible ? {} : { reason: c.reason }),
    lines: c.lines.map((l) => ({
      orderId: l.orderId,
      ...(l.orderNo ? { orderNo: l.orderNo } : {}),
      product: l.product,
      paid: toMoneyString(l.paid),
      used: toMoneyString(l.used),
      amount: toMoneyString(l.amount),
      cash: toMoneyString(l.cash),
      gift: toMoneyString(l.gift),
      ...(l.note ? { note: l.note } : {}),
    })),
    total: toMoneyString(c.total),
    cash: toMoneyString(c.cash),
    gift: toMoneyString(c.gift),
  };
}
export type PreviewJson = ReturnType<typeof previewJson>;

export function refundJson(r: RefundView) {
  return {
    id: r.id,
    refundNo: refundNumberOf(r),
    accountId: r.accountId,
    sdkAppId: r.sdkAppId,
    product: r.product,
    mode: r.mode,
    eligible: true,
    status: r.status,
    lines: r.lines.map((l) => ({
      orderId: l.orderId,
      orderNo: l.orderNo,
      product: l.product,
      paid: l.paid,
      used: l.used,
      amount: l.amount,
      cash: l.cash,
      gift: l.gift,
      ...(l.note ? { note: l.note } : {}),
    })),
    total: r.total,
    cash: r.cash,
    gift: r.gift,
    reviewReason: r.reviewReason,
    rejectReason: r.rejectReason,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    executedAt: r.executedAt?.toISOString() ?? null,
    ...(r.changeOrderId
      ? {
          changeOrderId: r.changeOrderId,
          changeOrderNo: r.changeOrderNo ?? null,
          changeOrderTotal: r.changeOrderTotal ?? null,
        }
      : {}),
  };
}
export type RefundJson = ReturnType<typeof refundJson>;
