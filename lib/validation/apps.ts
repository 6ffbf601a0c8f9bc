import { z } from "zod";
import { text } from "./text";

/** R-APP-2: 1–64 characters after trimming, not only invisible ones (checkAppName's rule, plus storability). */
export const appNameSchema = text({ max: 64 });

export const createAppSchema = z.object({ name: appNameSchema });
export const renameAppSchema = z.object({ name: appNameSchema });
export const autoRenewSchema = z.object({ enabled: z.boolean({ error: "must be true or false" }) });
export const sdkAppIdSchema = z.coerce
  .number({ error: "must be a 10-digit SDKAppID" })
  .int("must be a 10-digit SDKAppID")
  .min(1400000000, "must be a 10-digit SDKAppID")
  .max(9999999999, "must be a 10-digit SDKAppID");

export const appFilterSchema = z.object({
  q: text({ max: 64, min: 0 }).optional(),
  status: z.enum(["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed"]).optional(),
  edition: z.enum(["trial", "pro", "ultimate"]).optional(),
});

/** An SDKAppID in a JSON body: a number or a string of digits. */
export const sdkAppIdInput = z
  .union([z.number(), z.string().regex(/^\d+$/)], { error: "must be a 10-digit SDKAppID" })
  .transform(Number)
  .pipe(
    z
      .number()
      .int("must be a 10-digit SDKAppID")
      .min(1400000000, "must be a 10-digit SDKAppID")
      .max(9999999999, "must be a 10-digit SDKAppID"),
  );
