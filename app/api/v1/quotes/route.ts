import { body, keyedApiRoute } from "@/lib/auth/api";
import { quoteFromRead, readQuoteForKey } from "@/lib/services/purchase";
import { orderSchema } from "@/lib/validation/orders";
import { quoteJson } from "@/lib/wire";

/** POST /quotes: the bearer key, the account and the request's apps are read in one statement (issue 11). */
export const POST = keyedApiRoute("orders:read", {
  input: (req) => body(req, orderSchema),
  read: readQuoteForKey,
  answer: async ({ actor, input, data }) => quoteJson(await quoteFromRead(actor, input, data!)),
});
