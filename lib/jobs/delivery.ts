/**
 * The outbox sender (R-LIFE-6). Each delivery is tried in its own transaction, after the notification
 * committed, so a failing mail server never blocks or rolls back billing. A failed attempt records
 * the error, counts the attempt and waits (exponential backoff); after MAX_ATTEMPTS it is `failed`.
 * Delivery times are wall-clock (`at` defaults to the real time): they concern a real mail server,
 * not the billing clock. The pg-boss worker (lib/jobs/index.ts) and tests call these same functions.
 */
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries, notifications } from "@/db/schema";
import { renderNotification, renderSms } from "@/lib/notifications/render";
import { appNamesFor } from "@/lib/services/inbox";
import { MAX_ATTEMPTS, retryDelaySeconds } from "./retry";
import { defaultTransports, type Transports } from "./transports";

export type DeliverOptions = { at?: Date; transports?: Transports };
export type DeliverOutcome = "sent" | "retry" | "failed" | "skipped";

function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.slice(0, 500) || "unknown error";
}

/** Tries one delivery now. `skipped`: not pending (already sent or failed) or another worker holds it. */
export async function deliverOne(
  id: string,
  opts: DeliverOptions = {},
): Promise<{ outcome: DeliverOutcome; error?: string }> {
  const at = opts.at ?? new Date();
  const transports = opts.transports ?? defaultTransports();
  return db().transaction(async (tx) => {
    const [d] = await tx.select().from(deliveries).where(eq(deliveries.id, id)).for("update", { skipLocked: true });
    if (d?.status !== "pending") return { outcome: "skipped" as const };
    const [n] = await tx.select().from(notifications).where(eq(notifications.id, d.notificationId));
    const input = { kind: n!.kind, data: n!.data, sdkAppIds: n!.sdkAppIds };
    const options = { locale: "zh-CN" as const, appNames: await appNamesFor(tx, d.accountId, n!.sdkAppIds) };
    const rendered = renderNotification(input, options);
    const message =
      d.channel === "email"
        ? { subject: rendered.title, body: rendered.body }
        : { subject: rendered.title, body: renderSms(input, options) };
    const transport = d.channel === "email" ? transports.email : transports.sms;
    const attempts = d.attempts + 1;
    try {
      await transport.send({ to: d.to, subject: message.subject, text: message.body });
    } catch (e) {
      const error = errorText(e);
      const failed = attempts >= MAX_ATTEMPTS;
      await tx
        .update(deliveries)
        .set({
          ...message,
          transport: transport.name,
          attempts,
          lastError: error,
          status: failed ? "failed" : "pending",
          nextAttemptAt: new Date(at.getTime() + retryDelaySeconds(attempts) * 1000),
        })
        .where(eq(deliveries.id, id));
      return { outcome: failed ? ("failed" as const) : ("retry" as const), error };
    }
    await tx
      .update(deliveries)
      .set({ ...message, transport: transport.name, attempts, lastError: null, status: "sent", sentAt: at })
      .where(eq(deliveries.id, id));
    return { outcome: "sent" as const };
  });
}

/**
 * Sends every pending delivery (of one account, if given) whose next
 * attempt is due at `at`, oldest first; counts by outcome.
 */
export async function deliverDue(
  limit = 100,
  opts: DeliverOptions & { accountId?: string } = {},
): Promise<Record<DeliverOutcome, number>> {
  const at = opts.at ?? new Date();
  const due = await db()
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, "pending"),
        lte(deliveries.nextAttemptAt, at),
        opts.accountId ? eq(deliveries.accountId, opts.accountId) : undefined,
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
    .limit(limit);
  const counts: Record<DeliverOutcome, number> = { sent: 0, retry: 0, failed: 0, skipped: 0 };
  for (const { id } of due) counts[(await deliverOne(id, { ...opts, at })).outcome]++;
  return counts;
}

/** A job left in pg-boss longer than this (all its retries long over) is considered lost and enqueued again. */
const REQUEUE_AFTER_MINUTES = 60;

/**
 * Claims pending deliveries that have no delivery job yet (or whose job was lost) and returns their ids;
 * the caller enqueues one `deliver` job per id. Claiming and enqueueing are separate so a claim whose
 * enqueue failed is picked up again after REQUEUE_AFTER_MINUTES.
 */
export async function claimUnqueued(limit = 500, at: Date = new Date()): Promise<string[]> {
  const stale = new Date(at.getTime() - REQUEUE_AFTER_MINUTES * 60_000);
  const due = and(eq(deliveries.status, "pending"), or(isNull(deliveries.queuedAt), lte(deliveries.queuedAt, stale)));
  const rows = await db()
    .update(deliveries)
    .set({ queuedAt: at })
    .where(
      sql`${deliveries.id} in (select id from ${deliveries}
        where ${due} order by ${deliveries.createdAt} limit ${limit} for update skip locked)`,
    )
    .returning({ id: deliveries.id });
  return rows.map((r) => r.id);
}

/** A dead-lettered job: make sure its delivery shows as failed (normally it already is). */
export async function markDeadLettered(id: string, error: string): Promise<void> {
  await db()
    .update(deliveries)
    .set({ status: "failed", lastError: sql`coalesce(${deliveries.lastError}, ${error})` })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "pending")));
}
