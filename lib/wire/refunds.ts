/** API.md refund preview / refund (`{mode, eligible, reason?, lines, total, cash, gift, status?}`). */
import { z } from "zod";
import { REFUND_STATUSES } from "@/db/schema/refunds";
import { refundNumberOf } from "@/lib/billing/numbers";
import type { RefundComputation } from "@/lib/billing/refund";
import { toMoneyString } from "@/lib/money";
import type { RefundView } from "@/lib/services/refund";
import { id, instant, iso, isoOrNull, moneyString, sdkAppId } from "./common";

const mode = z.enum(["five_day", "standard"]);
// why a listed line refunds nothing (campaign_not_refundable)
const note = z.string().optional();

const refundLineJsonSchema = z.object({
  orderId: id,
  orderNo: z.string().optional(),
  product: z.string(),
  paid: moneyString,
  used: moneyString,
  amount: moneyString,
  cash: moneyString,
  gift: moneyString,
  note,
});

export const previewJsonSchema = z
  .object({
    mode,
    eligible: z.boolean(),
    reason: z.string().optional(),
    lines: z.array(refundLineJsonSchema),
    total: moneyString,
    cash: moneyString,
    gift: moneyString,
  })
  .meta({ id: "RefundPreview" });
export type PreviewJson = z.infer<typeof previewJsonSchema>;

export function previewJson(c: RefundComputation): PreviewJson {
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

export const refundJsonSchema = z
  .object({
    id,
    refundNo: z.string(),
    accountId: id,
    sdkAppId,
    product: z.string(),
    mode,
    eligible: z.literal(true),
    status: z.enum(REFUND_STATUSES),
    lines: z.array(refundLineJsonSchema.extend({ orderNo: z.string() })),
    total: moneyString,
    cash: moneyString,
    gift: moneyString,
    reviewReason: z.string().nullable(),
    rejectReason: z.string().nullable(),
    requestedAt: instant,
    decidedAt: instant.nullable(),
    executedAt: instant.nullable(),
    // R-BUY-3: the refund half of a plan change
    changeOrderId: id.optional(),
    changeOrderNo: z.string().nullable().optional(),
    changeOrderTotal: moneyString.nullable().optional(),
  })
  .meta({ id: "Refund" });
export type RefundJson = z.infer<typeof refundJsonSchema>;

export function refundJson(r: RefundView): RefundJson {
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
    requestedAt: iso(r.requestedAt),
    decidedAt: isoOrNull(r.decidedAt),
    executedAt: isoOrNull(r.executedAt),
    ...(r.changeOrderId
      ? {
          changeOrderId: r.changeOrderId,
          changeOrderNo: r.changeOrderNo ?? null,
          changeOrderTotal: r.changeOrderTotal ?? null,
        }
      : {}),
  };
}

/** GET /admin/refunds: the review queue's rows (API.md). */
export const adminRefundJsonSchema = z
  .object({
    id,
    refundNo: z.string(),
    accountId: id,
    sdkAppId,
    product: z.string(),
    mode,
    status: z.enum(REFUND_STATUSES),
    total: moneyString,
    requestedAt: instant,
    reviewReason: z.string().nullable(),
    rejectReason: z.string().nullable(),
    // R-BUY-3: the refund half of a plan change; approving it runs the whole change
    changeOrderId: id.optional(),
    changeOrderNo: z.string().nullable().optional(),
  })
  .meta({ id: "AdminRefund" });
export type AdminRefundJson = z.infer<typeof adminRefundJsonSchema>;

export function adminRefundJson(r: RefundView): AdminRefundJson {
  return {
    id: r.id,
    refundNo: refundNumberOf(r),
    accountId: r.accountId,
    sdkAppId: r.sdkAppId,
    product: r.product,
    mode: r.mode,
    status: r.status,
    total: r.total,
    requestedAt: iso(r.requestedAt),
    reviewReason: r.reviewReason,
    rejectReason: r.rejectReason,
    ...(r.changeOrderId ? { changeOrderId: r.changeOrderId, changeOrderNo: r.changeOrderNo } : {}),
  };
}
