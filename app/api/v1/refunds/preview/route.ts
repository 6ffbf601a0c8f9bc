import { apiRoute, body } from "@/lib/auth/api";
import { previewRefund } from "@/lib/services/refund";
import { refundSchema } from "@/lib/validation/refunds";
import { previewJson } from "@/lib/wire";

/** R-REF-7: the same computation a refund would execute now; `eligible: false` names the reason. */
export const POST = apiRoute("refunds:write", async ({ actor, req }) =>
  previewJson(await previewRefund(actor, await body(req, refundSchema))),
);
