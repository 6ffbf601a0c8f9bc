import { apiRoute, body } from "@/lib/auth/api";
import { topUp } from "@/lib/services/accounts";
import { topUpSchema } from "@/lib/validation/accounts";
import { accountIdOf, type AccountParams } from "../params";

export const POST = apiRoute<"admin:accounts", AccountParams>("admin:accounts", async ({ actor, req, params }) => {
  const accountId = accountIdOf(params);
  return topUp(actor, accountId, await body(req, topUpSchema));
});
