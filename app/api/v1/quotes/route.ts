import { apiRoute, body } from "@/lib/auth/api";
import { quoteOrder } from "@/lib/services/purchase";
import { orderSchema } from "@/lib/validation/orders";
import { quoteJson } from "@/lib/wire";

export const POST = apiRoute("orders:read", async ({ actor, req }) =>
  quoteJson(await quoteOrder(actor, await body(req, orderSchema))),
);
