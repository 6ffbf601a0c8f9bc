"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { expiryDay, shanghaiDay } from "@/lib/billing/calendar";
import { setAutoRenew, setDontRenew } from "@/lib/services/apps";
import { placeOrder, quoteOrder } from "@/lib/services/purchase";
import { sdkAppIdSchema } from "@/lib/validation/apps";
import { idempotencyKeySchema, orderSchema } from "@/lib/validation/orders";
import { orderJson, quoteJson } from "@/lib/wire";

/** A renewal (R-LIFE-1) or a common-expiry-day (R-LIFE-2) body: the other order types are refused here. */
const renewal = orderSchema.refine((o) => o.type === "renewal" || o.type === "align", {
  message: "must be a renewal",
  path: ["type"],
});

function withRenewalType(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  return { ...input, type: (input as { type?: unknown }).type === "align" ? "align" : "renewal" };
}

/** The live quote of the renew dialog: nothing is written; the SLA box is not needed to see a price. */
export async function renewalQuoteAction(input: unknown) {
  const typed = withRenewalType(input);
  const body = typed && typeof typed === "object" ? { ...typed, agreeSla: true } : typed;
  return runAction("orders:read", renewal, body, async (actor, req) => {
    const q = quoteJson(await quoteOrder(actor, req));
    // Days are Shanghai days computed here, so the browser never does calendar arithmetic.
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
export type RenewalQuote = Extract<Awaited<ReturnType<typeof renewalQuoteAction>>, { ok: true }>["data"];

/** Renews one or several apps in one order: one payment, all or nothing (R-LIFE-2). */
export async function renewAction(input: unknown) {
  const schema = z.object({ idempotencyKey: idempotencyKeySchema, order: renewal });
  const body =
    input && typeof input === "object" && "order" in input
      ? { ...input, order: withRenewalType((input as { order: unknown }).order) }
      : input;
  return runAction("orders:write", schema, body, async (actor, { idempotencyKey, order }) => {
    const r = await placeOrder(actor, order, idempotencyKey);
    for (const path of ["/renewals", "/balance", "/apps", "/overview", "/orders"]) revalidatePath(path);
    return { order: orderJson(r.order), replayed: r.replayed };
  });
}

export async function setAutoRenewAction(input: unknown) {
  const schema = z.object({ sdkAppId: sdkAppIdSchema, enabled: z.boolean({ error: "must be true or false" }) });
  return runAction("apps:write", schema, input, async (actor, { sdkAppId, enabled }) => {
    const app = await setAutoRenew(actor, sdkAppId, enabled);
    revalidatePath("/renewals");
    return { sdkAppId: app.sdkAppId, autoRenew: app.autoRenew };
  });
}

/** 不续费 (R-LIFE-2): marking turns auto-renew off; unmarking leaves auto-renew off. */
export async function setDontRenewAction(input: unknown) {
  const schema = z.object({ sdkAppId: sdkAppIdSchema, on: z.boolean({ error: "must be true or false" }) });
  return runAction("apps:write", schema, input, async (actor, { sdkAppId, on }) => {
    const app = await setDontRenew(actor, sdkAppId, on);
    revalidatePath("/renewals");
    return { sdkAppId: app.sdkAppId, autoRenew: app.autoRenew, dontRenew: app.dontRenew };
  });
}
