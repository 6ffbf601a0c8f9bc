import { z } from "zod";
import { sdkAppIdInput } from "./apps";
import { isPackName, PACK_NAMES } from "@/lib/billing/price-book";
import { text } from "./text";

const appId = sdkAppIdInput;

/** One schema for the refund page and POST /refunds(/preview). */
export const refundSchema = z.object({
  sdkAppId: appId,
  product: z
    .string({ error: 'must be "plan" or a pack name' })
    .refine((p) => p === "plan" || isPackName(p), `must be "plan" or one of ${PACK_NAMES.join(", ")}`),
  mode: z.enum(["five_day", "standard"], { error: 'must be "five_day" or "standard"' }),
});

export const rejectSchema = z.object({
  reason: text({ max: 500, multiline: true }),
});

export const refundStatusSchema = z.object({
  status: z
    .enum(["pending_review", "executed", "rejected"], { error: "must be pending_review, executed or rejected" })
    .optional(),
});
