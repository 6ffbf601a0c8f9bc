/** Building blocks of the wire shapes (API.md conventions): money as strings, instants as ISO 8601. */
import { z } from "zod";

/** Money: a string with two decimals, never a JSON number ("2999.00", "-12.50"). */
export const moneyString = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: "CNY, two decimals" });
/** An instant, ISO 8601 with offset. */
export const instant = z.iso.datetime({ offset: true });
/** A Shanghai day, YYYY-MM-DD. */
export const day = z.iso.date();
/** A month, YYYY-MM. */
export const month = z.string().regex(/^\d{4}-\d{2}$/);
/** An SDKAppID on the wire: a JSON number (10 digits). */
export const sdkAppId = z.number().int().min(1400000000).max(9999999999);
export const id = z.string().min(1);

/** API.md's error answer. */
export const errorJsonSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorJson = z.infer<typeof errorJsonSchema>;

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
