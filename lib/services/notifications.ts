/**
 * Notifications (R-LIFE-6): every event that tells the customer something calls `notify` inside its
 * own transaction. One notification per kind per account per Shanghai day; a later event of the same
 * kind that day adds its apps (and facts) to it. Delivery to the owner and alert recipients goes
 * through the outbox (`deliveries`, written here in the caller's transaction) and is sent after
 * commit by the delivery job (lib/jobs/delivery.ts), so it never blocks or rolls back the caller's work.
 */
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  alertRecipients,
  deliveries,
  notifications,
  users,
  type DeliveryChannel,
  type NotificationKind,
} from "@/db/schema";
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
  select coalesce(jsonb_object_agg(e.key, case when jsonb_typeof(${notifications.data} -> e.key) = 'object'
    and jsonb_typeof(e.value) = 'object'
    then (${notifications.data} -> e.key) || e.value else e.value end), '{}'::jsonb)
  from jsonb_each(excluded.data) as e)`;

/** Merges `b` into `a` the way the day's row merges later events: object values per key, others replaced. */
function mergeData(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    const isObj = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
    out[k] = isObj(old) && isObj(v) ? { ...(old as object), ...(v as object) } : v;
  }
  return out;
}

type DayKey = { accountId: string; kind: NotificationKind; day: string };
const keyOf = (k: DayKey) => `${k.accountId} ${k.kind} ${k.day}`;

export async function notify(tx: DbOrTx, n: NotifyInput): Promise<NotifyResult> {
  return (await notifyMany(tx, [n]))[0]!;
}

/**
 * Many events at once (the scheduler's reminders of a window): the same rules as `notify`, in a fixed
 * number of statements whatever the count — events of one account, kind and day fold into one row.
 * Returns one result per input, in order.
 */
export async function notifyMany(tx: DbOrTx, inputs: NotifyInput[]): Promise<NotifyResult[]> {
  if (inputs.length === 0) return [];
  const folded = new Map<string, DayKey & { at: Date; last: Date; apps: Set<number>; data: Record<string, unknown> }>();
  for (const n of inputs) {
    const k = { accountId: n.accountId, kind: n.kind, day: shanghaiDay(n.at) };
    const f = folded.get(keyOf(k));
    if (!f) folded.set(keyOf(k), { ...k, at: n.at, last: n.at, apps: new Set(n.sdkAppIds ?? []), data: n.data ?? {} });
    else {
      for (const a of n.sdkAppIds ?? []) f.apps.add(a);
      f.data = mergeData(f.data, n.data ?? {});
      if (n.at < f.at) f.at = n.at;
      if (n.at > f.last) f.last = n.at;
    }
  }
  // a fixed order, so two batches lock shared rows in the same order
  const rows = [...folded.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  const keys = sql`(values ${sql.join(
    rows.map((r) => sql`(${r.accountId}::uuid, ${r.kind}::text, ${r.day}::date)`),
    sql`, `,
  )}) as k(account_id, kind, day)`;
  // the days' rows as they were, locked, to tell which events add apps to them
  const before = await tx.execute<{
    account_id: string;
    kind: NotificationKind;
    day: string;
    sdk_app_ids: number[];
  }>(sql`
    select n.account_id, n.kind, n.day::text as day, n.sdk_app_ids from notifications n
    join ${keys} on n.account_id = k.account_id and n.kind = k.kind and n.day = k.day
    for update of n`);
  const known = new Map(
    before.map((b) => [
      keyOf({ accountId: b.account_id, kind: b.kind, day: b.day }),
      new Set(b.sdk_app_ids.map(Number)),
    ]),
  );
  const written = await tx
    .insert(notifications)
    .values(
      rows.map((r) => ({
        accountId: r.accountId,
        kind: r.kind,
        day: r.day,
        sdkAppIds: [...r.apps].sort((a, b) => a - b),
        data: r.data,
        createdAt: r.at,
        updatedAt: r.last,
      })),
    )
    .onConflictDoUpdate({
      target: [notifications.accountId, notifications.kind, notifications.day],
      set: {
        sdkAppIds: sql`(select coalesce(array_agg(distinct x order by x), '{}')
          from unnest(${notifications.sdkAppIds} || excluded.sdk_app_ids) as x)`,
        data: mergedData,
        updatedAt: sql`greatest(${notifications.updatedAt}, excluded.updated_at)`,
      },
    })
    .returning({
      id: notifications.id,
      accountId: notifications.accountId,
      kind: notifications.kind,
      day: notifications.day,
      created: sql<boolean>`(xmax = 0)`,
    });
  const byKey = new Map(written.map((w) => [keyOf(w), w]));
  const fresh: { id: string; accountId: string; kind: NotificationKind }[] = [];
  const grown: { id: string; accountId: string; kind: NotificationKind }[] = [];
  for (const r of rows) {
    const w = byKey.get(keyOf(r))!;
    if (w.created) fresh.push(w);
    else if ([...r.apps].some((a) => !known.get(keyOf(r))?.has(a))) grown.push(w);
  }
  // New apps on a read notification make it unread again; recipients whose message already went get
  // one more (rendered at send time, so it lists every app); a waiting message simply includes them.
  if (grown.length > 0)
    await tx
      .update(notifications)
      .set({ readAt: null })
      .where(
        inArray(
          notifications.id,
          grown.map((g) => g.id),
        ),
      );
  await queueDeliveries(tx, fresh, grown);
  return inputs.map((n) => {
    const w = byKey.get(keyOf({ accountId: n.accountId, kind: n.kind, day: shanghaiDay(n.at) }))!;
    return { id: w.id, created: w.created };
  });
}

export type DeliveryTarget = { channel: DeliveryChannel; to: string; recipientId: string | null };

type Owner = { accountId: string | null; email: string };
type Recipient = typeof alertRecipients.$inferSelect;

/**
 * Who gets a notification of this kind: the owner by email always,
 * each recipient who wants the kind by email and/or SMS.
 */
function targetsOf(owner: Owner | undefined, recipients: Recipient[], kind: NotificationKind): DeliveryTarget[] {
  const out: DeliveryTarget[] = [];
  const seen = new Set<string>();
  const add = (t: DeliveryTarget) => {
    const k = `${t.channel}:${t.to.toLowerCase()}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(t);
  };
  if (owner) add({ channel: "email", to: owner.email, recipientId: null });
  for (const r of recipients.filter((x) => x.kinds.includes(kind))) {
    if (r.email) add({ channel: "email", to: r.email, recipientId: r.id });
    if (r.phone) add({ channel: "sms", to: r.phone, recipientId: r.id });
  }
  return out;
}

export async function deliveryTargets(
  tx: DbOrTx,
  accountId: string,
  kind: NotificationKind,
): Promise<DeliveryTarget[]> {
  const { owners, recipients } = await audience(tx, [accountId]);
  return targetsOf(owners.get(accountId), recipients.get(accountId) ?? [], kind);
}

async function audience(tx: DbOrTx, accountIds: string[]) {
  const ownerRows = await tx
    .select({ accountId: users.accountId, email: users.email })
    .from(users)
    .where(and(inArray(users.accountId, accountIds), eq(users.accountRole, "owner"), isNull(users.removedAt)));
  const recipientRows = await tx
    .select()
    .from(alertRecipients)
    .where(inArray(alertRecipients.accountId, accountIds))
    .orderBy(alertRecipients.createdAt);
  const owners = new Map(ownerRows.map((o) => [o.accountId!, o]));
  const recipients = new Map<string, Recipient[]>();
  for (const r of recipientRows) recipients.set(r.accountId, [...(recipients.get(r.accountId) ?? []), r]);
  return { owners, recipients };
}

type Notified = { id: string; accountId: string; kind: NotificationKind };

/** Outbox rows for new notifications, and for grown ones to each address without a message still waiting. */
async function queueDeliveries(tx: DbOrTx, fresh: Notified[], grown: Notified[]) {
  const all = [...fresh, ...grown];
  if (all.length === 0) return;
  const { owners, recipients } = await audience(tx, [...new Set(all.map((n) => n.accountId))]);
  const waiting = new Set<string>();
  if (grown.length > 0) {
    const pending = await tx
      .select({ notificationId: deliveries.notificationId, channel: deliveries.channel, to: deliveries.to })
      .from(deliveries)
      .where(
        and(
          inArray(
            deliveries.notificationId,
            grown.map((g) => g.id),
          ),
          eq(deliveries.status, "pending"),
        ),
      );
    for (const p of pending) waiting.add(`${p.notificationId} ${p.channel}:${p.to.toLowerCase()}`);
  }
  const values = all.flatMap((n) =>
    targetsOf(owners.get(n.accountId), recipients.get(n.accountId) ?? [], n.kind)
      .filter((t) => !waiting.has(`${n.id} ${t.channel}:${t.to.toLowerCase()}`))
      .map((t) => ({
        notificationId: n.id,
        accountId: n.accountId,
        channel: t.channel,
        to: t.to,
        recipientId: t.recipientId,
      })),
  );
  if (values.length > 0) await tx.insert(deliveries).values(values);
}

/** Deliveries of the given notifications (tests and the operator page). */
export async function deliveriesOf(tx: DbOrTx, notificationIds: string[]) {
  if (notificationIds.length === 0) return [];
  return tx
    .select()
    .from(deliveries)
    .where(inArray(deliveries.notificationId, notificationIds))
    .orderBy(deliveries.createdAt, deliveries.channel, deliveries.to);
}
