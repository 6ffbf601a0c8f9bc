import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, like, lt, or, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, apiKeys, auditLog, users } from "@/db/schema";
import { addDays, shanghaiMidnight } from "@/lib/billing/calendar";
import { escapeLike } from "./like";

/** `operator` / `customer` / `system`: any actor of that kind; otherwise one actor tag as written (`operator:<id>`). */
export type AuditActorFilter = "operator" | "customer" | "system" | `${"operator" | "user" | "key"}:${string}`;

export type AuditPageFilter = {
  accountId?: string;
  actor?: AuditActorFilter;
  action?: string;
  /** Shanghai calendar days, both inclusive. */
  from?: string;
  to?: string;
  q?: string;
};

function conditions(f: AuditPageFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.accountId) conds.push(eq(auditLog.accountId, f.accountId));
  if (f.actor === "operator") conds.push(like(auditLog.actor, "operator:%"));
  else if (f.actor === "customer") conds.push(or(like(auditLog.actor, "user:%"), like(auditLog.actor, "key:%"))!);
  else if (f.actor === "system") conds.push(or(eq(auditLog.actor, "system"), like(auditLog.actor, "system:%"))!);
  else if (f.actor) conds.push(eq(auditLog.actor, f.actor));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from) conds.push(gte(auditLog.at, shanghaiMidnight(f.from)));
  if (f.to) conds.push(lt(auditLog.at, shanghaiMidnight(addDays(f.to, 1))));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(auditLog.action, pattern), ilike(auditLog.entityId, pattern), ilike(auditLog.actor, pattern))!);
  }
  return conds.length ? and(...conds) : undefined;
}

export type AuditRowView = {
  id: number;
  at: string;
  actor: string;
  actorName: string | null;
  actorKind: "operator" | "customer" | "key" | "system" | "auto_renew";
  accountId: string | null;
  accountName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

function parseTag(tag: string): { kind: AuditRowView["actorKind"]; id?: string } {
  if (tag === "system") return { kind: "system" };
  if (tag.startsWith("system:")) return { kind: "auto_renew" };
  const [prefix, id] = [tag.slice(0, tag.indexOf(":")), tag.slice(tag.indexOf(":") + 1)];
  if (prefix === "operator") return { kind: "operator", id };
  if (prefix === "user") return { kind: "customer", id };
  if (prefix === "key") return { kind: "key", id };
  return { kind: "system" };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One page of the audit log, newest first, with people's and accounts' names: five statements
 * whatever the page holds (rows, count, users, keys, accounts).
 */
export async function listAuditPage(
  f: AuditPageFilter,
  p: { limit: number; offset: number },
): Promise<{ rows: AuditRowView[]; total: number }> {
  const where = conditions(f);
  const [rows, [c]] = await Promise.all([
    db()
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(p.limit)
      .offset(p.offset),
    db().select({ n: count() }).from(auditLog).where(where),
  ]);
  const tags = rows.map((r) => parseTag(r.actor));
  const userIds = [
    ...new Set(
      tags.filter((t) => (t.kind === "operator" || t.kind === "customer") && UUID.test(t.id ?? "")).map((t) => t.id!),
    ),
  ];
  const keyIds = [...new Set(tags.filter((t) => t.kind === "key" && UUID.test(t.id ?? "")).map((t) => t.id!))];
  const accountIds = [...new Set(rows.map((r) => r.accountId).filter((a): a is string => a !== null))];
  const [people, keys, accts] = await Promise.all([
    userIds.length
      ? db()
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
    keyIds.length
      ? db()
          .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix })
          .from(apiKeys)
          .where(inArray(apiKeys.id, keyIds))
      : [],
    accountIds.length
      ? db().select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds))
      : [],
  ]);
  const personName = new Map(
    people.map((u) => [u.id, u.name && u.name !== u.email ? `${u.name} (${u.email})` : u.email]),
  );
  const keyName = new Map(keys.map((k) => [k.id, `${k.name} (${k.prefix}…)`]));
  const accountName = new Map(accts.map((a) => [a.id, a.name]));
  return {
    total: c!.n,
    rows: rows.map((r, i) => {
      const tag = tags[i]!;
      return {
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor,
        actorKind: tag.kind,
        actorName:
          tag.kind === "key" ? (keyName.get(tag.id!) ?? null) : tag.id ? (personName.get(tag.id) ?? null) : null,
        accountId: r.accountId,
        accountName: r.accountId ? (accountName.get(r.accountId) ?? null) : null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      };
    }),
  };
}

/** What the filters offer: the actions that occur, the operators, the accounts (by name). */
export async function auditFilterOptions() {
  const [actions, operators, accts] = await Promise.all([
    db().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db()
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.kind, "operator"))
      .orderBy(asc(users.name)),
    db().select({ id: accounts.id, name: accounts.name }).from(accounts).orderBy(asc(accounts.name)).limit(1000),
  ]);
  return { actions: actions.map((a) => a.action), operators, accounts: accts };
}

/** The customer users of one account (for the actor filter once an account is chosen). */
export async function accountPeople(accountId: string) {
  return db()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(asc(users.createdAt));
}
