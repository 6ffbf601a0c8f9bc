import { apiRoute, body } from "@/lib/auth/api";
import { getRefund } from "@/lib/services/refund";
import { rejectRefund } from "@/lib/services/refund-review";
import { rejectSchema } from "@/lib/validation/refunds";
import { refundIdOf, type RefundParams } from "../params";
import { refundJson } from "@/lib/wire";

export const POST = apiRoute<"admin:refunds", RefundParams>("admin:refunds", async ({ actor, req, params }) => {
  const id = refundIdOf(params);
  const { reason } = await body(req, rejectSchema);
  const r = await rejectRefund(actor, id, reason);
  return refundJson(await getRefund(r.id));
});
