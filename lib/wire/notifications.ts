/** API.md `notification`, `recipient` and the operators' `delivery`. */
import { z } from "zod";
import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type alertRecipients,
  type deliveries,
  type notifications,
} from "@/db/schema/notifications";
import type { Locale } from "@/lib/i18n/config";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { renderNotification } from "@/lib/notifications/render";
import { id, instant, iso, isoOrNull, sdkAppId } from "./common";

const kind = z.enum(NOTIFICATION_KINDS);

export const notificationJsonSchema = z
  .object({
    id,
    kind,
    createdAt: instant,
    readAt: instant.nullable(),
    sdkAppIds: z.array(sdkAppId),
    title: z.string(),
    body: z.string(),
  })
  .meta({ id: "Notification" });
export type NotificationJson = z.infer<typeof notificationJsonSchema>;

/** Title and body rendered in `locale`, naming the apps by `appNames` (SDKAppID → name). */
export function notificationJson(
  row: typeof notifications.$inferSelect,
  locale: Locale,
  appNames: Record<string, string> = {},
): NotificationJson {
  const { title, body } = renderNotification(
    { kind: row.kind, data: row.data, sdkAppIds: row.sdkAppIds },
    { locale, appNames },
  );
  return {
    id: row.id,
    kind: row.kind,
    createdAt: iso(row.createdAt),
    readAt: isoOrNull(row.readAt),
    sdkAppIds: row.sdkAppIds,
    title,
    body,
  };
}

export const recipientJsonSchema = z
  .object({ id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), kinds: z.array(kind) })
  .meta({ id: "Recipient" });
export type RecipientJson = z.infer<typeof recipientJsonSchema>;

export function recipientJson(r: typeof alertRecipients.$inferSelect): RecipientJson {
  return { id: r.id, name: r.name, email: r.email, phone: r.phone, kinds: r.kinds };
}

export const deliveryJsonSchema = z
  .object({
    id,
    notificationId: id,
    channel: z.enum(DELIVERY_CHANNELS),
    to: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    sentAt: instant.nullable(),
  })
  .meta({ id: "Delivery" });
export type DeliveryJson = z.infer<typeof deliveryJsonSchema>;

export function deliveryJson(d: typeof deliveries.$inferSelect): DeliveryJson {
  return {
    id: d.id,
    notificationId: d.notificationId,
    channel: d.channel,
    to: d.to,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: isoOrNull(d.sentAt),
  };
}
