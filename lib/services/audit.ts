import "server-only";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorTag, type Actor } from "@/lib/auth/actor";

export type AuditInput = {
  actor: Actor;
  at: Date;
  accountId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const auditRow = (a: AuditInput) => ({
  at: a.at,
  actor: actorTag(a.actor),
  accountId: a.accountId ?? null,
  action: a.action,
  entityType: a.entityType,
  entityId: a.entityId,
  before: a.before ?? null,
  after: a.after ?? null,
});

/** Writes one audit row inside the caller's transaction (R-ACC-4). Rows are never updated or deleted. */
export async function writeAudit(tx: DbOrTx, a: AuditInput): Promise<void> {
  await tx.insert(auditLog).values(auditRow(a));
}

/**
 * Writes the buffered audit rows in one multi-row insert, in the buffer's order, and empties the buffer
 * (issue 11: one statement where an order wrote one a row).
 */
export async function flushAudits(tx: DbOrTx, buffer: AuditInput[]): Promise<void> {
  if (buffer.length === 0) return;
  const rows = buffer.splice(0).map(auditRow);
  await tx.insert(auditLog).values(rows);
}

export type AuditFilter = { accountId?: string; q?: string; beforeId?: number; limit?: number };

export async function listAudit(f: AuditFilter = {}) {
  const conds: SQL[] = [];
  if (f.accountId) conds.push(eq(auditLog.accountId, f.accountId));
  if (f.q) {
    const like = `%${f.q}%`;
    conds.push(or(ilike(auditLog.action, like), ilike(auditLog.entityId, like), ilike(auditLog.actor, like))!);
  }
  if (f.beforeId) conds.push(lt(auditLog.id, f.beforeId));
  return db()
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(f.limit ?? 100, 500));
}
