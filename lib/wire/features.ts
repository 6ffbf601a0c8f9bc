/** API.md `application` (plus enableAt, reason, stoppedAt, stopReason). */
import { z } from "zod";
import {
  APPLIED_FEATURES,
  FEATURE_APPLICATION_STATUSES,
  FEATURE_STOP_REASONS,
  type featureApplications,
} from "@/db/schema/features";
import { id, instant, iso, isoOrNull, sdkAppId } from "./common";

export const applicationJsonSchema = z
  .object({
    id,
    sdkAppId,
    feature: z.enum(APPLIED_FEATURES),
    status: z.enum(FEATURE_APPLICATION_STATUSES),
    appliedAt: instant,
    decidedAt: instant.nullable(),
    enabledAt: instant.nullable(),
    enableAt: instant.nullable(),
    reason: z.string().nullable(),
    stoppedAt: instant.nullable(),
    stopReason: z.enum(FEATURE_STOP_REASONS).nullable(),
  })
  .meta({ id: "Application" });
export type ApplicationJson = z.infer<typeof applicationJsonSchema>;

export function applicationJson(a: typeof featureApplications.$inferSelect): ApplicationJson {
  return {
    id: a.id,
    sdkAppId: a.sdkAppId,
    feature: a.feature,
    status: a.status,
    appliedAt: iso(a.appliedAt),
    decidedAt: isoOrNull(a.decidedAt),
    enabledAt: isoOrNull(a.enabledAt),
    enableAt: isoOrNull(a.enableAt),
    reason: a.reason,
    stoppedAt: isoOrNull(a.stoppedAt),
    stopReason: a.stopReason,
  };
}

/** Operators' view: the application and its account. */
export const adminApplicationJsonSchema = applicationJsonSchema
  .extend({ accountId: id })
  .meta({ id: "AdminApplication" });
export type AdminApplicationJson = z.infer<typeof adminApplicationJsonSchema>;

export function adminApplicationJson(a: typeof featureApplications.$inferSelect): AdminApplicationJson {
  return { ...applicationJson(a), accountId: a.accountId };
}
