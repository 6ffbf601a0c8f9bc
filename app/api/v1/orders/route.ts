import { apiRoute, body, withStatus } from "@/lib/auth/api";
import { parseInput } from "@/lib/validation/common";
import { numberSearchTerm } from "@/lib/billing/numbers";
import { listOrders, placeOrder } from "@/lib/services/purchase";
import { orderListQuerySchema } from "@/lib/validation/exports";
import { idempotencyHeaderSchema, orderSchema } from "@/lib/validation/orders";
import { orderJson } from "@/lib/wire";

/** `{orders: [order]}` (API.md), newest first; `?q=` finds by part of the order number, `?type=` narrows. */
export const GET = apiRoute("orders:read", async ({ actor, req }) => {
  const f = parseInput(orderListQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return {
    orders: (await listOrders(actor.accountId, { q: f.q ? numberSearchTerm(f.q) : null, type: f.type })).map(orderJson),
  };
});

/** R-BUY-8: the same Idempotency-Key returns the first order (201 again, marked as a replay). */
export const POST = apiRoute("orders:write", async ({ actor, req }) => {
  const key = parseInput(idempotencyHeaderSchema, {
    "Idempotency-Key": req.headers.get("idempotency-key") ?? undefined,
  })["Idempotency-Key"];
  const input = await body(req, orderSchema);
  const { order, replayed } = await placeOrder(actor, input, key);
  // R-BUY-3: a plan change waiting for review is accepted, not done: 202 with `status: "pending_review"`.
  return withStatus(
    order.status === "pending_review" ? 202 : 201,
    orderJson(order),
    replayed ? { "Idempotent-Replayed": "true" } : undefined,
  );
});
