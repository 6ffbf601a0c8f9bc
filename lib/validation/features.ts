import { z } from "zod";
import { text } from "./text";
import { APPLIED_FEATURES } from "@/lib/billing/features";

/** POST /apps/{sdkAppId}/features (API.md). */
export const applyFeatureSchema = z.object({
  feature: z.enum(APPLIED_FEATURES, { error: `must be one of ${APPLIED_FEATURES.join(", ")}` }),
});

/** POST /admin/feature-applications/{id}/reject. */
export const rejectFeatureSchema = z.object({
  reason: text({ max: 500, multiline: true }),
});

export const APPLICATION_STATUSES = ["pending", "approved", "rejected", "enabled", "stopped"] as const;

/** GET /admin/feature-applications?status= */
export const applicationFilterSchema = z.object({
  status: z.enum(APPLICATION_STATUSES, { error: `must be one of ${APPLICATION_STATUSES.join(", ")}` }).optional(),
});

export const applicationIdSchema = z.uuid({ error: "must be an application id" });
