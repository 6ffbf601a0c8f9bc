import { z } from "zod";
import { numberSearchTerm } from "@/lib/billing/numbers";
import { ORDER_TYPES } from "@/db/schema/orders";
import { REFUND_STATUSES } from "@/db/schema/refunds";
import { calendarDay } from "./text";

/** CSV exports (issue 9): a Shanghai date range, both days included; optional number search. */
export const exportRangeSchema = z
  .object({
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    q: z
      .string()
      .max(30, "must be at most 30 characters")
      .refine((s) => numberSearchTerm(s) !== null, "must be part of an order or refund number (O, R, digits, hyphens)")
      .optional(),
    type: z.enum(ORDER_TYPES).optional(),
    status: z.enum(REFUND_STATUSES).optional(),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ["to"], message: "must be on or after from" });
export type ExportRange = z.infer<typeof exportRangeSchema>;

/** GET /api/v1/orders: optional number search (`q`, part of an O-… number) and order type. */
export const orderListQuerySchema = z
  .object({
    q: z
      .string()
      .max(30, "must be at most 30 characters")
      .refine((s) => numberSearchTerm(s) !== null, "must be part of an order number (O, digits, hyphens)")
      .optional(),
    type: z.enum(ORDER_TYPES).optional(),
  })
  .strict();
