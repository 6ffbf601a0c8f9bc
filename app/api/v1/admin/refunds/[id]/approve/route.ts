import { apiRoute } from "@/lib/auth/api";
import { getRefund } from "@/lib/services/refund";
import { approveRefund } from "@/lib/services/refund-review";
import { refundIdOf, type RefundParams } from "../params";
import { refundJson } from "@/lib/wire";

export const POST = apiRoute<"admin:refunds", RefundParams>("admin:refunds", async ({ actor, params }) => {
  const r = await approveRefund(actor, refundIdOf(params));
  return refundJson(await getRefund(r.id));
});
