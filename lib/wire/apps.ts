/** API.md `app`: `{sdkAppId, name, edition, status, statusReason, createdAt, expiresAt|null, autoRenew, packs}`. */
import { z } from "zod";
import { APP_EDITIONS, APP_STATUSES, STATUS_REASONS, type apps } from "@/db/schema/apps";
import type { appPacks } from "@/db/schema/orders";
import { instant, iso, isoOrNull, sdkAppId } from "./common";

export const appJsonSchema = z
  .object({
    sdkAppId,
    name: z.string(),
    edition: z.enum(APP_EDITIONS),
    status: z.enum(APP_STATUSES),
    statusReason: z.enum(STATUS_REASONS),
    statusChangedAt: instant,
    createdAt: instant,
    expiresAt: instant.nullable(),
    autoRenew: z.boolean(),
    dontRenew: z.boolean(),
    packs: z.array(
      z.object({
        pack: z.string(),
        tier: z.string().nullable(),
        billing: z.enum(["prepaid", "postpaid"]),
        endsAt: instant,
      }),
    ),
  })
  .meta({ id: "App" });
export type AppJson = z.infer<typeof appJsonSchema>;

export const appListJsonSchema = z.object({ apps: z.array(appJsonSchema) });

export function appJson(a: typeof apps.$inferSelect, packs: (typeof appPacks.$inferSelect)[] = []): AppJson {
  return {
    sdkAppId: a.sdkAppId,
    name: a.name,
    edition: a.edition,
    status: a.status,
    statusReason: a.statusReason,
    statusChangedAt: iso(a.statusChangedAt),
    createdAt: iso(a.createdAt),
    expiresAt: isoOrNull(a.expiresAt),
    autoRenew: a.autoRenew,
    dontRenew: a.dontRenew,
    packs: packs.map((p) => ({ pack: p.pack, tier: p.tier, billing: p.billing, endsAt: iso(p.endsAt) })),
  };
}
