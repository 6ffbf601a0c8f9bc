"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import type { OrderRequest } from "@/lib/billing/quote";
import { expiryDay, shanghaiDay } from "@/lib/billing/calendar";
import { orderJson, quoteJson } from "@/lib/wire";
import { placeOrder, quoteOrder } from "@/lib/services/purchase";
import { revalidateAccountPages } from "@/lib/revalidate";
import { idempotencyKeySchema, orderSchema } from "@/lib/validation/orders";

/**
 * The console's order pages, each a variant with the order types it may send; whatever type the
 * browser sends outside that set is replaced (change, renewal) or refused (buy).
 * - buy (购买): a plan or a pack for one app; the body names which.
 * - change (变更套餐, R-BUY-3): always a change of plan.
 * - renewal (续费管理, R-LIFE-1/2): a renewal, or a common expiry day when the body says "align".
 */
const VARIANTS = {
  buy: { types: ["plan", "pack"], typeOf: (sent: unknown) => sent },
  change: { types: ["change"], typeOf: () => "change" },
  renewal: { types: ["renewal", "align"], typeOf: (sent: unknown) => (sent === "align" ? "align" : "renewal") },
} as const satisfies Record<string, { types: readonly OrderRequest["type"][]; typeOf: (sent: unknown) => unknown }>;

export type OrderVariant = keyof typeof VARIANTS;

/** A quote writes nothing, so it is priced before the SLA box is ticked; the order itself requires it. */
function bodyOf(variant: OrderVariant, forQuote: boolean) {
  const v = VARIANTS[variant];
  const typed = (o: unknown) =>
    o && typeof o === "object"
      ? { ...o, type: v.typeOf((o as { type?: unknown }).type), ...(forQuote ? { agreeSla: true } : {}) }
      : o;
  return z.preprocess(typed, orderSchema).refine((o) => (v.types as readonly string[]).includes(o.type), {
    message: `must be ${v.types.join(" or ")}`,
    path: ["type"],
  });
}

/** One schema per variant, told apart by `variant`: an unknown variant is a field error like any other. */
function byVariant<O extends z.ZodObject<{ variant: z.ZodLiteral<OrderVariant> }>>(make: (v: OrderVariant) => O) {
  return z.discriminatedUnion("variant", [make("buy"), make("change"), make("renewal")], {
    error: `variant must be one of ${Object.keys(VARIANTS).join(", ")}`,
  });
}

const quoteInput = byVariant((variant) => z.object({ variant: z.literal(variant), order: bodyOf(variant, true) }));
const placeInput = byVariant((variant) =>
  z.object({ variant: z.literal(variant), order: bodyOf(variant, false), idempotencyKey: idempotencyKeySchema }),
);

/**
 * The live quote of an order page. Quoting writes nothing, so it needs only `orders:read`. Each line
 * carries its Shanghai start and expiry days, so the browser never does calendar arithmetic.
 */
export async function quoteOrderAction(variant: OrderVariant, input: unknown) {
  return runAction("orders:read", quoteInput, { variant, order: input }, async (actor, { order }) => {
    const q = quoteJson(await quoteOrder(actor, order));
    return {
      ...q,
      lines: q.lines.map((l) => ({
        ...l,
        startDay: shanghaiDay(new Date(l.periodStart)),
        endDay: expiryDay(new Date(l.periodEnd)),
      })),
    };
  });
}
export type OrderQuote = Extract<Awaited<ReturnType<typeof quoteOrderAction>>, { ok: true }>["data"];

/**
 * Places an order of a page (R-BUY-8: the same idempotency key gives the first order back). A change
 * refunds the current plan and buys the new one in one transaction (lib/services/purchase.ts); a
 * renewal of several apps is one order, all or nothing (R-LIFE-2).
 */
export async function placeOrderAction(variant: OrderVariant, input: unknown, idempotencyKey: unknown) {
  return runAction(
    "orders:write",
    placeInput,
    { variant, order: input, idempotencyKey },
    async (actor, { order, idempotencyKey: key }) => {
      const { order: placed, replayed } = await placeOrder(actor, order, key);
      revalidateAccountPages();
      const j = orderJson(placed);
      return { id: j.id, orderNo: j.orderNo, status: j.status, total: j.total, replayed };
    },
  );
}
