/**
 * Notifications (R-LIFE-6): every event that tells the customer something calls `notify` inside its
 * own transaction. One notification per kind per account per Shanghai day; a later event of the same
 * kind that day adds its apps (and facts) to it. Delivery to the owner and alert recipients goes
 * through the outbox and never blocks or rolls back the caller's work.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, type NotificationKind } from "@/db/schema";
import { shanghaiDay } from "@/lib/billing/calendar";

export type NotifyInput = {
  accountId: string;
  kind: NotificationKind;
  /** the instant of the event (from the clock, or the event's own scheduled instant) */
  at: Date;
  sdkAppIds?: number[];
  data?: Record<string, unknown>;
};

export type NotifyResult = { id: string; created: boolean };

export async function notify(tx: DbOrTx, n: NotifyInput): Promise<NotifyResult> {
  const apps = [...new Set(n.sdkAppIds ?? [])].sort((a, b) => a - b);
  const rows = await tx
    .insert(notifications)
    .values({ accountId: n.accountId, kind: n.kind, day: shanghaiDay(n.at), sdkAppIds: apps, data: n.data ?? {}, createdAt: n.at, updatedAt: n.at })
    .onConflictDoUpdate({
      target: [notifications.accountId, notifications.kind, notifications.day],
      set: {
        sdkAppIds: sql`(select coalesce(array_agg(distinct x order by x), '{}') from unnest(${notifications.sdkAppIds} || excluded.sdk_app_ids) as x)`,
        data: sql`${notifications.data} || excluded.data`,
        updatedAt: sql`greatest(${notifications.updatedAt}, excluded.updated_at)`,
      },
    })
    .returning({ id: notifications.id, created: sql<boolean>`(xmax = 0)` });
  return rows[0]!;
}
