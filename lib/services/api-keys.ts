import "server-only";
import { and, desc, eq, isNull, type Placeholder, sql } from "drizzle-orm";
import { db, leanSelect, oncePerClient } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { Actor, CustomerActor, OperatorActor } from "@/lib/auth/actor";
import { hashApiKey, newApiKey } from "@/lib/auth/secrets";
import { notFound } from "@/lib/errors";
import { now } from "@/lib/clock";
import { writeAudit } from "./audit";

/** An owner creates an account key; the plain key is returned once and stored only as a hash. */
export async function createAccountApiKey(actor: CustomerActor, name: string) {
  const { key, prefix } = newApiKey("account");
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const [row] = await tx
      .insert(apiKeys)
      .values({
        kind: "account",
        accountId: actor.accountId,
        createdBy: actor.userId ?? null,
        name,
        prefix,
        keyHash: hashApiKey(key),
        createdAt: at,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "api_key.create",
      entityType: "api_key",
      entityId: row!.id,
      after: { name, prefix },
    });
    return { id: row!.id, name, prefix, key, createdAt: at };
  });
}

export async function listAccountApiKeys(accountId: string) {
  return db()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.accountId, accountId), eq(apiKeys.kind, "account")))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeAccountApiKey(actor: CustomerActor, keyId: string) {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, actor.accountId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound("API key");
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: keyId,
      before: { revokedAt: null },
      after: { revokedAt: at.toISOString() },
    });
  });
}

/**
 * The key lookup of every API request, built once a database client (issue 11): drizzle builds its SQL
 * at the first call, later calls only bind the key's hash and run it through the driver (leanSelect).
 */
const actorQuery = oncePerClient((conn) =>
  leanSelect(conn.select(keyColumns).from(apiKeys).where(keyMatches()).limit(1).prepare("actor_for_api_key")),
);

/** Resolves a bearer key to its actor; account keys act with the owner's rights (API.md). */
export async function actorForApiKey(key: string): Promise<Actor | null> {
  const [row] = await actorQuery(db())({ keyHash: hashApiKey(key) });
  return row ? actorOfKey(row.key, row.ownerId) : null;
}

/**
 * A key's actor from its row: an operator key acts as the operator who made it, an account key with
 * the account owner's rights.
 */
export function actorOfKey(
  key: Pick<typeof apiKeys.$inferSelect, "id" | "kind" | "accountId" | "createdBy">,
  ownerId: string | null,
): Actor {
  if (key.kind === "operator")
    return { kind: "operator", userId: key.createdBy!, keyId: key.id } satisfies OperatorActor;
  return {
    kind: "customer",
    accountId: key.accountId!,
    role: "owner",
    userId: ownerId ?? undefined,
    keyId: key.id,
  } satisfies CustomerActor;
}

/**
 * For a read that resolves the bearer key in its own statement (issue 11: one round trip for the key
 * and the data; lib/auth/api.ts keyedApiRoute): join `apiKeys` on the key's account, add these columns
 * and `keyMatches()` to the where clause. The key's hash is the placeholder `keyHash`.
 */
export const keyColumns = {
  key: { id: apiKeys.id, kind: apiKeys.kind, accountId: apiKeys.accountId, createdBy: apiKeys.createdBy },
  // Written out: drizzle names a column of the one table in a select without its table, which inside a
  // subquery would mean the subquery's own column.
  ownerId: sql<string | null>`(select u.id from users u where u.account_id = "api_keys"."account_id"
    and u.account_role = 'owner' limit 1)`,
};
export const keyMatches = (keyHash: string | Placeholder = sql.placeholder("keyHash")) =>
  and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt));
