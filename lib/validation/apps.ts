import { z } from "zod";
import { checkAppName } from "@/lib/billing/apps";

export const appNameSchema = z
  .string({ error: "is required" })
  .superRefine((raw, ctx) => {
    const r = checkAppName(raw);
    if (r.kind === "invalid") ctx.addIssue({ code: "custom", message: r.reason === "empty" ? "must not be empty" : "must be at most 64 characters" });
  })
  .transform((s) => s.trim());

export const createAppSchema = z.object({ name: appNameSchema });
export const renameAppSchema = z.object({ name: appNameSchema });
export const autoRenewSchema = z.object({ enabled: z.boolean({ error: "must be true or false" }) });
export const sdkAppIdSchema = z.coerce
  .number({ error: "must be a 10-digit SDKAppID" })
  .int("must be a 10-digit SDKAppID")
  .min(1400000000, "must be a 10-digit SDKAppID")
  .max(9999999999, "must be a 10-digit SDKAppID");

export const appFilterSchema = z.object({
  q: z.string().trim().max(64).optional(),
  status: z.enum(["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed"]).optional(),
  edition: z.enum(["trial", "pro", "ultimate"]).optional(),
});

/** An SDKAppID in a JSON body: a number or a string of digits. */
export const sdkAppIdInput = z
  .union([z.number(), z.string().regex(/^\d+$/)], { error: "must be a 10-digit SDKAppID" })
  .transform(Number)
  .pipe(z.number().int("must be a 10-digit SDKAppID").min(1400000000, "must be a 10-digit SDKAppID").max(9999999999, "must be a 10-digit SDKAppID"));
