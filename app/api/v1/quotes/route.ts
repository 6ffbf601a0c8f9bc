import { apiRoute, body } from "@/lib/auth/api";
import { quoteOrder } from "@/lib/services/purchase";
import { quoteJson } from "@/lib/services/order-json";
import { orderSchema } from "@/lib/validation/orders";

export const POST = apiRoute("orders:read", async ({ actor, req }) =>
  quoteJson(await quoteOrder(actor, await body(req, orderSchema))),
);
