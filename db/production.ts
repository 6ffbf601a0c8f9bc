/**
 * Safe production defaults for the launcher (issue 8): a production start on an external database never
 * seeds the demo logins (their passwords are published in db/demo.ts), refuses to serve while any of
 * them still works, and `npm run db:remove-demo` removes them.
 */
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";
import { writeAudit } from "@/lib/services/audit";
import { DEMO } from "./demo";

export type StartKind = { embedded: boolean; appMode: "production" | "test"; seedDemo?: string };

/** Demo data only for the local demo (embedded PostgreSQL) or a test-mode installation. */
export function shouldSeedDemo(k: StartKind): boolean {
  if (k.seedDemo === "false") return false;
  return k.embedded || k.appMode !== "production";
}

/** Demo credentials are printed at start only for the embedded demo. */
export function shouldPrintDemo(k: StartKind): boolean {
  return k.embedded;
}

/** A production start on an external database must not serve while a published demo login works. */
export function mustRefuseDemo(k: StartKind): boolean {
  return k.appMode === "production" && !k.embedded;
}

const DEMO_LOGINS = Object.values(DEMO);

/** The demo logins that still exist with their published password. */
export async function demoCredentialsInUse(): Promise<string[]> {
  const rows = await db()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(
        inArray(
          users.email,
          DEMO_LOGINS.map((d) => d.email),
        ),
        isNull(users.removedAt),
      ),
    );
  const found: string[] = [];
  for (const r of rows) {
    const published = DEMO_LOGINS.find((d) => d.email === r.email)!.password;
    if (await verifyPassword(r.passwordHash, published)) found.push(r.email);
  }
  return found.sort();
}

export const REMOVE_DEMO_HINT =
  "Remove them with `npm run db:remove-demo` (same DATABASE_URL), or give each a new password.";

/** Removes the demo logins (the users are marked removed with an unusable password) and revokes their API keys. */
export async function removeDemoCredentials(): Promise<string[]> {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const rows = await tx
      .select({ id: users.id, email: users.email, accountId: users.accountId })
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_LOGINS.map((d) => d.email),
        ),
      );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const accountIds = rows.map((r) => r.accountId).filter((a): a is string => a !== null);
    // The e-mail is freed (as removing a member does) so the address can be used again.
    for (const r of rows) {
      await tx
        .update(users)
        .set({ removedAt: at, passwordHash: "!removed", email: `${r.email}#removed-${r.id}` })
        .where(eq(users.id, r.id));
      await writeAudit(tx, {
        actor: { kind: "system" },
        at,
        accountId: r.accountId,
        action: "demo.remove",
        entityType: "user",
        entityId: r.id,
        before: { email: r.email },
        after: { removedAt: at.toISOString() },
      });
    }
    await tx
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(
        and(
          isNull(apiKeys.revokedAt),
          or(inArray(apiKeys.createdBy, ids), accountIds.length ? inArray(apiKeys.accountId, accountIds) : undefined),
        ),
      );
    return rows.map((r) => r.email).sort();
  });
}
