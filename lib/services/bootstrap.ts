import "server-only";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { hashApiKey, hashPassword } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";

const BOOTSTRAP_EMAIL = "bootstrap-operator@system.local";

/** BOOTSTRAP_OPERATOR_KEY: makes the given key a valid operator key, creating its operator if missing. */
export async function ensureOperatorKey(key: string): Promise<void> {
  const keyHash = hashApiKey(key);
  const [existing] = await db().select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
  if (existing) return;
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  await db().transaction(async (tx) => {
    const at = await now(tx);
    await tx
      .insert(users)
      .values({ email: BOOTSTRAP_EMAIL, name: "Bootstrap operator", passwordHash, kind: "operator", createdAt: at })
      .onConflictDoNothing();
    const [op] = await tx.select({ id: users.id }).from(users).where(eq(users.email, BOOTSTRAP_EMAIL));
    await tx
      .insert(apiKeys)
      .values({
        kind: "operator",
        createdBy: op!.id,
        name: "bootstrap",
        prefix: key.slice(0, 8),
        keyHash,
        createdAt: at,
      })
      .onConflictDoNothing();
  });
}
