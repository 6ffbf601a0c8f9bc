import "server-only";
import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { accounts, apiKeys, apps, users } from "@/db/schema";
import type { OperatorActor } from "@/lib/auth/actor";
import { hashApiKey, hashPassword, newApiKey } from "@/lib/auth/secrets";
import { COUNTED_STATUSES } from "@/lib/billing/apps";
import { DomainError, notFound, validationFailed, type FieldErrors } from "@/lib/errors";
import { now } from "@/lib/clock";
import { ZERO, money } from "@/lib/money";
import { MAX_MONEY } from "@/lib/validation/text";
import { lockAccount, post } from "./ledger";
import { writeAudit } from "./audit";
import { liftArrears } from "./bills";
import { escapeLike } from "./like";
import { accountJson } from "@/lib/wire/accounts";

type AccountRow = typeof accounts.$inferSelect;

export async function getAccount(accountId: string, conn: DbOrTx = db()): Promise<AccountRow> {
  const [a] = await conn.select().from(accounts).where(eq(accounts.id, accountId));
  if (!a) throw notFound("Account");
  return a;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

export type CreateAccountInput = { name: string; ownerEmail: string; ownerPassword: string };

/** Operator creates a customer account with its owner user and a first account API key. */
export async function createAccount(actor: OperatorActor | { kind: "system" }, input: CreateAccountInput) {
  const passwordHash = await hashPassword(input.ownerPassword);
  const { key, prefix } = newApiKey("account");
  try {
    return await db().transaction(async (tx) => {
      const at = await now(tx);
      const [account] = await tx.insert(accounts).values({ name: input.name, createdAt: at }).returning();
      const [owner] = await tx
        .insert(users)
        .values({
          email: input.ownerEmail,
          name: input.name,
          passwordHash,
          kind: "customer",
          accountId: account!.id,
          accountRole: "owner",
          createdAt: at,
        })
        .returning();
      await tx.insert(apiKeys).values({
        kind: "account",
        accountId: account!.id,
        createdBy: owner!.id,
        name: "default",
        prefix,
        keyHash: hashApiKey(key),
        createdAt: at,
      });
      await writeAudit(tx, {
        actor,
        at,
        accountId: account!.id,
        action: "account.create",
        entityType: "account",
        entityId: account!.id,
        after: { name: input.name, ownerEmail: input.ownerEmail },
      });
      return { account: accountJson(account!), apiKey: key, ownerId: owner!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new DomainError("conflict", `A user with the email ${input.ownerEmail} already exists.`, {
        fields: { ownerEmail: "is already registered" },
      });
    }
    throw e;
  }
}

/** R-ACC-2: an operator verifies an account (idempotent). */
export async function verifyAccount(actor: OperatorActor, accountId: string) {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const a = await lockAccount(tx, accountId);
    if (a.verified) return accountJson(a);
    const [updated] = await tx
      .update(accounts)
      .set({ verified: true, verifiedAt: at })
      .where(eq(accounts.id, accountId))
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId,
      action: "account.verify",
      entityType: "account",
      entityId: accountId,
      before: { verified: false },
      after: { verified: true },
    });
    return accountJson(updated!);
  });
}

export type TopUpInput = { cash?: string; gift?: string; note: string };

/** An operator records a cash top-up and/or a gift grant: one ledger row each, one audit row (R-MONEY-2). */
export async function topUp(actor: OperatorActor, accountId: string, input: TopUpInput) {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const before = await lockAccount(tx, accountId);
    // numeric(14,2): a balance part cannot pass 999,999,999,999.99 (checked under the account lock).
    const over: FieldErrors = {};
    if (input.cash && money(before.cash).plus(money(input.cash)).gt(MAX_MONEY))
      over.cash = `would take the cash balance above ${MAX_MONEY}`;
    if (input.gift && money(before.gift).plus(money(input.gift)).gt(MAX_MONEY))
      over.gift = `would take the gift balance above ${MAX_MONEY}`;
    if (Object.keys(over).length) throw validationFailed(over);
    if (input.cash)
      await post(
        tx,
        accountId,
        { kind: "topup", cashDelta: money(input.cash), giftDelta: ZERO, note: input.note },
        actor,
        at,
      );
    if (input.gift)
      await post(
        tx,
        accountId,
        { kind: "grant", cashDelta: ZERO, giftDelta: money(input.gift), note: input.note },
        actor,
        at,
      );
    // R-LIFE-4: back to ≥ 0 lifts arrears suspensions in this same transaction.
    await liftArrears(tx, accountId, at);
    const after = await getAccount(accountId, tx);
    await writeAudit(tx, {
      actor,
      at,
      accountId,
      action: "account.topup",
      entityType: "account",
      entityId: accountId,
      before: { cash: before.cash, gift: before.gift },
      after: { cash: after.cash, gift: after.gift, note: input.note },
    });
    return accountJson(after);
  });
}

export type AccountListFilter = { q?: string; verified?: boolean };

export async function listAccounts(f: AccountListFilter = {}) {
  const conds = [];
  if (f.q) {
    const like = `%${f.q}%`;
    conds.push(or(ilike(accounts.name, like), ilike(users.email, like), sql`${accounts.id}::text = ${f.q}`)!);
  }
  if (f.verified !== undefined) conds.push(eq(accounts.verified, f.verified));
  const rows = await db()
    .select({ account: accounts, ownerEmail: users.email })
    .from(accounts)
    .leftJoin(users, and(eq(users.accountId, accounts.id), eq(users.accountRole, "owner")))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(accounts.createdAt), asc(accounts.id))
    .limit(500);
  const ids = rows.map((r) => r.account.id);
  const counts = ids.length
    ? await db()
        .select({ accountId: apps.accountId, n: count() })
        .from(apps)
        .where(and(inArray(apps.accountId, ids), inArray(apps.status, COUNTED_STATUSES)))
        .groupBy(apps.accountId)
    : [];
  const byId = new Map(counts.map((c) => [c.accountId, c.n]));
  return rows.map((r) => ({
    ...accountJson(r.account),
    ownerEmail: r.ownerEmail,
    createdAt: r.account.createdAt,
    appCount: byId.get(r.account.id) ?? 0,
  }));
}

export async function listAccountUsers(accountId: string) {
  return db()
    .select({ id: users.id, email: users.email, name: users.name, role: users.accountRole, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.removedAt)))
    .orderBy(asc(users.createdAt));
}

export const ACCOUNT_SORTS = ["name", "owner", "verified", "apps", "available", "createdAt"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** One page of customer accounts with owner e-mail and counted apps, and how many match: two statements. */
export async function listAccountsPage(
  f: AccountListFilter,
  p: { sort?: AccountSort; dir?: "asc" | "desc"; limit: number; offset: number },
) {
  const conds = [];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(accounts.name, pattern), ilike(users.email, pattern), sql`${accounts.id}::text = ${f.q}`)!);
  }
  if (f.verified !== undefined) conds.push(eq(accounts.verified, f.verified));
  const where = conds.length ? and(...conds) : undefined;
  const appCount = sql<number>`(select count(*)::int from ${apps} where ${apps.accountId} = ${accounts.id}
    and ${inArray(apps.status, COUNTED_STATUSES)})`;
  const column = {
    name: sql`${accounts.name}`,
    owner: sql`${users.email}`,
    verified: sql`${accounts.verified}`,
    apps: appCount,
    available: sql`(${accounts.cash} + ${accounts.gift})`,
    createdAt: sql`${accounts.createdAt}`,
  }[p.sort ?? "createdAt"];
  const dir = p.dir ?? (p.sort ? "asc" : "desc");
  const [rows, [c]] = await Promise.all([
    db()
      .select({ account: accounts, ownerEmail: users.email, appCount })
      .from(accounts)
      .leftJoin(users, and(eq(users.accountId, accounts.id), eq(users.accountRole, "owner")))
      .where(where)
      .orderBy(dir === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`, asc(accounts.id))
      .limit(p.limit)
      .offset(p.offset),
    db()
      .select({ n: count() })
      .from(accounts)
      .leftJoin(users, and(eq(users.accountId, accounts.id), eq(users.accountRole, "owner")))
      .where(where),
  ]);
  return {
    total: c!.n,
    rows: rows.map((r) => ({
      ...accountJson(r.account),
      ownerEmail: r.ownerEmail,
      createdAt: r.account.createdAt,
      appCount: r.appCount,
    })),
  };
}
