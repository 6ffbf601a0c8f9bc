/** Usage days, entitlements and the entitlement check (API.md), and the small answers around them. */
import { z } from "zod";
import { APP_EDITIONS, APP_STATUSES } from "@/db/schema/apps";
import type { CheckResult, Entitlements } from "@/lib/billing/entitlements";
import { day, instant } from "./common";

export const usageJsonSchema = z
  .object({
    days: z.array(
      z.object({
        date: day,
        dau: z.number().int(),
        groups: z.number().int(),
        liveGroups: z.number().int(),
        bandwidthMbps: z.object({ domestic: z.number(), international: z.number() }),
      }),
    ),
  })
  .meta({ id: "Usage" });
export type UsageJson = z.infer<typeof usageJsonSchema>;

const limit = z.number().int().meta({ description: "−1 is unlimited" });
export const entitlementsJsonSchema = z
  .object({
    serviceAvailable: z.boolean(),
    status: z.enum(APP_STATUSES),
    edition: z.enum(APP_EDITIONS),
    limits: z.object({
      users: limit,
      friendsPerUser: limit,
      groupsPerUser: limit,
      membersPerGroup: limit,
      groups: limit,
      liveGroups: limit,
      dailyNewGroups: limit,
      historyDays: limit,
      freeDau: limit,
      freePeakGroups: limit,
    }),
    features: z.object({
      broadcast: z.boolean(),
      communities: z.boolean(),
      multiDevice: z.boolean(),
      localSearch: z.boolean(),
      liveHistory: z.boolean(),
      securityAdvanced: z.boolean(),
    }),
  })
  .meta({ id: "Entitlements" });
export type EntitlementsJson = z.infer<typeof entitlementsJsonSchema>;
/** The rules' answer is already plain JSON; this only pins it to the schema at compile time. */
export const entitlementsJson = (e: Entitlements): EntitlementsJson => e;

export const checkJsonSchema = z
  .object({
    allowed: z.boolean(),
    errorCode: z.number().int().optional(),
    limit: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: "EntitlementCheck" });
export type CheckJson = z.infer<typeof checkJsonSchema>;
export const checkJson = (c: CheckResult): CheckJson => c;

export const acceptedJsonSchema = z.object({ accepted: z.number().int() });

export const clockJsonSchema = z.object({ now: instant, mode: z.enum(["wall", "test"]) });
export const clockAdvancedJsonSchema = z.object({ now: instant });
