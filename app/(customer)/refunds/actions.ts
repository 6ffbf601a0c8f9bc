"use server";

import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { getRefund, previewWithReview, requestRefund } from "@/lib/services/refund";
import { refundSchema } from "@/lib/validation/refunds";
import { previewJson, refundJson } from "@/lib/wire";

/**
 * R-REF-7: what the refund would return now, line by line, and whether it would wait for review.
 * The server decides again when the refund is requested; this only explains beforehand.
 */
export async function previewRefundAction(input: unknown) {
  return runAction("refunds:write", refundSchema, input, async (actor, data) => {
    const { preview, review } = await previewWithReview(actor, data);
    return { preview: previewJson(preview), review };
  });
}

export async function requestRefundAction(input: unknown) {
  return runAction("refunds:write", refundSchema, input, async (actor, data) => {
    const r = await requestRefund(actor, data);
    revalidateAccountPages();
    return refundJson(await getRefund(r.id, actor.accountId));
  });
}
