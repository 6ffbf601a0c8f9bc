"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { placeOrder, quoteOrder } from "@/lib/services/purchase";
import { idempotencyKeySchema, orderSchema } from "@/lib/validation/orders";
import { orderJson, quoteJson } from "@/lib/wire";

/** This page only changes plans (R-BUY-3): the body's type is fixed here, whatever the browser sends. */
const asChange = (v: unknown, extra: object = {}) =>
  v && typeof v === "object" ? { ...v, ...extra, type: "change" } : v;

/** A quote writes nothing, so it is priced before the SLA box is ticked; the order itself requires it. */
const quoteSchema = z.preprocess((v) => asChange(v, { agreeSla: true }), orderSchema);
const placeSchema = z.object({
  order: z.preprocess((v) => asChange(v), orderSchema),
  idempotencyKey: idempotencyKeySchema,
});

export async function quoteChangeAction(input: unknown) {
  return runAction("orders:write", quoteSchema, input, async (actor, req) => quoteJson(await quoteOrder(actor, req)));
}

/** Refund of the current plan and purchase of the new one, in one transaction (lib/services/purchase.ts). */
export async function placeChangeAction(input: unknown, idempotencyKey: unknown) {
  return runAction(
    "orders:write",
    placeSchema,
    { order: input, idempotencyKey },
    async (actor, { order, idempotencyKey: key }) => {
      const { order: placed } = await placeOrder(actor, order, key);
      for (const path of ["/apps", "/orders", "/overview", "/refunds", "/balance", "/change"]) revalidatePath(path);
      for (const line of placed.lines) revalidatePath(`/apps/${line.sdkAppId}`);
      const j = orderJson(placed);
      return { id: j.id, orderNo: j.orderNo, status: j.status, total: j.total };
    },
  );
}
