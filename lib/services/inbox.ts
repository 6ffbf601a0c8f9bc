/** The in-app inbox (R-LIFE-6): the account's notifications, newest first, with read marks. */
import "server-only";
import { notificationJson } from "@/lib/wire/notifications";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { apps, notifications, type NotificationKind } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { notFound } from "@/lib/errors";

/** App names by SDKAppID for the text (apps of this account only). */
export async function appNamesFor(conn: DbOrTx, accountId: string, ids: number[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await conn
    .select({ sdkAppId: apps.sdkAppId, name: apps.name })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), inArray(apps.sdkAppId, ids)));
  return Object.fromEntries(rows.map((r) => [String(r.sdkAppId), r.name]));
}

export type InboxFilter = { unread?: boolean; kind?: NotificationKind; limit?: number };

export async function listNotifications(accountId: string, locale: Locale, f: InboxFilter = {}) {
  const conds = [eq(notifications.accountId, accountId)];
  if (f.unread) conds.push(isNull(notifications.readAt));
  if (f.kind) conds.push(eq(notifications.kind, f.kind));
  const rows = await db()
    .select()
    .from(notifications)
    .where(and(...conds))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit ?? 200);
  const names = await appNamesFor(db(), accountId, [...new Set(rows.flatMap((r) => r.sdkAppIds))]);
  return rows.map((r) => notificationJson(r, locale, names));
}

export async function unreadCount(accountId: string): Promise<number> {
  const [r] = await db()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return r!.n;
}

/** Marks one notification read (idempotent: the first read instant stays). Another account's is 404. */
export async function markRead(accountId: string, id: string, at: Date, locale: Locale) {
  const [row] = await db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
  if (!row) throw notFound("Notification");
  const [updated] = row.readAt
    ? [row]
    : await db().update(notifications).set({ readAt: at }).where(eq(notifications.id, id)).returning();
  return notificationJson(updated!, locale, await appNamesFor(db(), accountId, updated!.sdkAppIds));
}

export async function markAllRead(accountId: string, at: Date): Promise<number> {
  const rows = await db()
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
