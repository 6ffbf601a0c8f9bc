/**
 * Notifications (R-LIFE-6): every event that tells the customer something calls `notify` inside its
 * own transaction. One notification per kind per account per Shanghai day; a later event of the same
 * kind that day adds its apps (and facts) to it. Delivery to the owner and alert recipients goes
 * through the outbox (`deliveries`, written here in the caller's transaction) and is sent after
 * commit by the delivery job (lib/jobs/delivery.ts), so it never blocks or rolls back the caller's work.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertRecipients, deliveries, notifications, users, type DeliveryChannel, type NotificationKind } from "@/db/schema";
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

/** Two-level jsonb merge: top-level keys are replaced, except object values which are merged (per-item maps). */
const mergedData = sql`${notifications.data} || (
  select coalesce(jsonb_object_agg(e.key, case when jsonb_typeof(${notifications.data} -> e.key) = 'object' and jsonb_typeof(e.value) = 'object'
    then (${notifications.data} -> e.key) || e.value else e.value end), '{}'::jsonb)
  from jsonb_each(excluded.data) as e)`;

export async function notify(tx: DbOrTx, n: NotifyInput): Promise<NotifyResult> {
  const apps = [...new Set(n.sdkAppIds ?? [])].sort((a, b) => a - b);
  const day = shanghaiDay(n.at);
  // the day's row as it was, locked, to tell whether this event adds apps to it
  const [before] = await tx
    .select({ sdkAppIds: notifications.sdkAppIds })
    .from(notifications)
    .where(and(eq(notifications.accountId, n.accountId), eq(notifications.kind, n.kind), eq(notifications.day, day)))
    .for("update");
  const rows = await tx
    .insert(notifications)
    .values({ accountId: n.accountId, kind: n.kind, day, sdkAppIds: apps, data: n.data ?? {}, createdAt: n.at, updatedAt: n.at })
    .onConflictDoUpdate({
      target: [notifications.accountId, notifications.kind, notifications.day],
      set: {
        sdkAppIds: sql`(select coalesce(array_agg(distinct x order by x), '{}') from unnest(${notifications.sdkAppIds} || excluded.sdk_app_ids) as x)`,
        data: mergedData,
        updatedAt: sql`greatest(${notifications.updatedAt}, excluded.updated_at)`,
      },
    })
    .returning({ id: notifications.id, created: sql<boolean>`(xmax = 0)` });
  const row = rows[0]!;
  const known = new Set(before?.sdkAppIds ?? []);
  const addsApps = apps.some((a) => !known.has(a));
  if (row.created) {
    await queueDeliveries(tx, n.accountId, row.id, n.kind);
  } else if (addsApps) {
    // New apps on a read notification make it unread again; recipients whose message already went get
    // one more (rendered at send time, so it lists every app); a waiting message simply includes them.
    await tx.update(notifications).set({ readAt: null }).where(eq(notifications.id, row.id));
    await queueDeliveries(tx, n.accountId, row.id, n.kind, { onlyWithoutPending: true });
  }
  return row;
}

export type DeliveryTarget = { channel: DeliveryChannel; to: string; recipientId: string | null };

/** Who gets a notification of this kind: the owner by email always, each recipient who wants the kind by email and/or SMS. */
export async function deliveryTargets(tx: DbOrTx, accountId: string, kind: NotificationKind): Promise<DeliveryTarget[]> {
  const [owner] = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.accountRole, "owner"), isNull(users.removedAt)));
  const recipients = await tx
    .select()
    .from(alertRecipients)
    .where(and(eq(alertRecipients.accountId, accountId), sql`${kind} = any(${alertRecipients.kinds})`))
    .orderBy(alertRecipients.createdAt);
  const out: DeliveryTarget[] = [];
  const seen = new Set<string>();
  const add = (t: DeliveryTarget) => {
    const k = `${t.channel}:${t.to.toLowerCase()}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(t);
  };
  if (owner) add({ channel: "email", to: owner.email, recipientId: null });
  for (const r of recipients) {
    if (r.email) add({ channel: "email", to: r.email, recipientId: r.id });
    if (r.phone) add({ channel: "sms", to: r.phone, recipientId: r.id });
  }
  return out;
}

async function queueDeliveries(tx: DbOrTx, accountId: string, notificationId: string, kind: NotificationKind, opts: { onlyWithoutPending?: boolean } = {}) {
  let targets = await deliveryTargets(tx, accountId, kind);
  if (opts.onlyWithoutPending) {
    const pending = await tx
      .select({ channel: deliveries.channel, to: deliveries.to })
      .from(deliveries)
      .where(and(eq(deliveries.notificationId, notificationId), eq(deliveries.status, "pending")));
    const waiting = new Set(pending.map((p) => `${p.channel}:${p.to.toLowerCase()}`));
    targets = targets.filter((t) => !waiting.has(`${t.channel}:${t.to.toLowerCase()}`));
  }
  if (targets.length === 0) return;
  await tx.insert(deliveries).values(targets.map((t) => ({ notificationId, accountId, channel: t.channel, to: t.to, recipientId: t.recipientId })));
}

/** Deliveries of the given notifications (tests and the operator page). */
export async function deliveriesOf(tx: DbOrTx, notificationIds: string[]) {
  if (notificationIds.length === 0) return [];
  return tx.select().from(deliveries).where(inArray(deliveries.notificationId, notificationIds)).orderBy(deliveries.createdAt, deliveries.channel, deliveries.to);
}
