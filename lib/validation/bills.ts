import { z } from "zod";

/** "YYYY-MM", a natural month (R-LIFE-3). */
export const monthInput = z
  .string({ error: "must be a month YYYY-MM" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");

/** GET /bills?month=YYYY-MM (optional: all months). */
export const billListSchema = z.object({ month: monthInput.optional() });

/** A bill id in the path. */
export const billIdSchema = z.object({ id: z.uuid({ error: "must be a bill id (UUID)" }) });
