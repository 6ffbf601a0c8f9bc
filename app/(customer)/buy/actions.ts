"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { placeOrder, quoteOrder } from "@/lib/services/purchase";
import { idempotencyKeySchema, orderSchema } from "@/lib/validation/orders";
import { orderJson, quoteJson } from "@/lib/wire";

/** A quote writes nothing, so it is priced before the buyer ticks the SLA box; the order itself requires it. */
const quoteSchema = z.preprocess((v) => (v && typeof v === "object" ? { ...v, agreeSla: true } : v), orderSchema);

export async function quoteAction(input: unknown) {
  return runAction("orders:write", quoteSchema, input, async (actor, req) => quoteJson(await quoteOrder(actor, req)));
}

const placeSchema = z.object({ order: orderSchema, idempotencyKey: idempotencyKeySchema });

export async function placeOrderAction(input: unknown, idempotencyKey: unknown) {
  return runAction(
    "orders:write",
    placeSchema,
    { order: input, idempotencyKey },
    async (actor, { order, idempotencyKey: key }) => {
      const { order: placed } = await placeOrder(actor, order, key);
      for (const path of ["/apps", "/orders", "/overview", "/buy"]) revalidatePath(path);
      for (const line of placed.lines) revalidatePath(`/apps/${line.sdkAppId}`);
      const j = orderJson(placed);
      return { id: j.id, orderNo: j.orderNo, status: j.status, total: j.total };
    },
  );
}
