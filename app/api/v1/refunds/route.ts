import { apiRoute, body, created } from "@/lib/auth/api";
import { getRefund, listRefunds, requestRefund } from "@/lib/services/refund";
import { refundSchema } from "@/lib/validation/refunds";
import { refundJson } from "@/lib/wire";

export const GET = apiRoute("refunds:read", async ({ actor }) => ({
  refunds: (await listRefunds({ accountId: actor.accountId })).map(refundJson),
}));

export const POST = apiRoute("refunds:write", async ({ actor, req }) => {
  const r = await requestRefund(actor, await body(req, refundSchema));
  return created(refundJson(await getRefund(r.id, actor.accountId)));
});
