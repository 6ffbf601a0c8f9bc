/** The outbox as operators see it (Jobs & delivery page, `GET /admin/deliveries`). */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, deliveries, notifications, type DeliveryStatus } from "@/db/schema";

export type DeliveryFilter = { status?: DeliveryStatus; limit?: number };

/** Failed first, then waiting, then sent; newest first within each. */
export async function listDeliveries(f: DeliveryFilter = {}) {
  const rows = await db()
    .select({ d: deliveries, kind: notifications.kind, accountName: accounts.name })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .innerJoin(accounts, eq(accounts.id, deliveries.accountId))
    .where(f.status ? and(eq(deliveries.status, f.status)) : undefined)
    .orderBy(
      sql`case ${deliveries.status} when 'failed' then 0 when 'pending' then 1 else 2 end`,
      desc(deliveries.createdAt),
      desc(deliveries.id),
    )
    .limit(f.limit ?? 500);
  return rows.map((r) => ({ ...r.d, kind: r.kind, accountName: r.accountName }));
}

export async function deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
  const rows = await db()
    .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
    .from(deliveries)
    .groupBy(deliveries.status);
  const out: Record<DeliveryStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export type QueueFigures = { queue: string; waiting: number; active: number; completed: number; failed: number };

/** pg-boss jobs per queue and state, read from its tables (null when pg-boss was never started on this database). */
export async function queueFigures(): Promise<QueueFigures[] | null> {
  const [exists] = await db().execute<{ ok: boolean }>(
    sql`select to_regclass('pgboss.queue') is not null and to_regclass('pgboss.job') is not null as ok`,
  );
  if (!exists?.ok) return null;
  const rows = await db().execute<{
    name: string;
    waiting: number;
    active: number;
    completed: number;
    failed: number;
  }>(sql`
    select q.name,
      count(j.id) filter (where j.state in ('created', 'retry'))::int as waiting,
      count(j.id) filter (where j.state = 'active')::int as active,
      count(j.id) filter (where j.state = 'completed')::int as completed,
      count(j.id) filter (where j.state = 'failed')::int as failed
    from pgboss.queue q left join pgboss.job j on j.name = q.name
    group by q.name order by q.name`);
  return rows.map((r) => ({
    queue: r.name,
    waiting: r.waiting,
    active: r.active,
    completed: r.completed,
    failed: r.failed,
  }));
}
