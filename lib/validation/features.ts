import { z } from "zod";
import { APPLIED_FEATURES } from "@/lib/billing/features";

/** POST /apps/{sdkAppId}/features (API.md). */
export const applyFeatureSchema = z.object({
  feature: z.enum(APPLIED_FEATURES, { error: `must be one of ${APPLIED_FEATURES.join(", ")}` }),
});

/** POST /admin/feature-applications/{id}/reject. */
export const rejectFeatureSchema = z.object({
  reason: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
});

export const APPLICATION_STATUSES = ["pending", "approved", "rejected", "enabled", "stopped"] as const;

/** GET /admin/feature-applications?status= */
export const applicationFilterSchema = z.object({
  status: z.enum(APPLICATION_STATUSES, { error: `must be one of ${APPLICATION_STATUSES.join(", ")}` }).optional(),
});

export const applicationIdSchema = z.uuid({ error: "must be an application id" });
