"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { getRefund } from "@/lib/services/refund";
import { approveRefund, rejectRefund } from "@/lib/services/refund-review";
import { rejectSchema } from "@/lib/validation/refunds";
import { refundJson } from "@/lib/wire";

const target = z.object({ id: z.uuid({ error: "must be a refund id" }) });

/** R-REF-6: executes at the amount computed when the customer asked. */
export async function approveRefundAction(input: unknown) {
  return runAction("admin:refunds", target, input, async (actor, { id }) => {
    const r = await approveRefund(actor, id);
    revalidateAccountPages();
    return refundJson(await getRefund(r.id));
  });
}

export async function rejectRefundAction(input: unknown) {
  return runAction("admin:refunds", target.extend(rejectSchema.shape), input, async (actor, { id, reason }) => {
    const r = await rejectRefund(actor, id, reason);
    revalidateAccountPages();
    return refundJson(await getRefund(r.id));
  });
}
