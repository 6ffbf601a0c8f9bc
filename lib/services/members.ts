import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { CustomerActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/secrets";
import { DomainError, invalidState, notFound } from "@/lib/errors";
import { now } from "@/lib/clock";
import { writeAudit } from "./audit";

/** R-ACC-1: an owner adds a member (sub-user) with a password of their own. */
export async function addMember(actor: CustomerActor, input: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().transaction(async (tx) => {
      const at = await now(tx);
      const [u] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          passwordHash,
          kind: "customer",
          accountId: actor.accountId,
          accountRole: "member",
          createdAt: at,
        })
        .returning({ id: users.id, email: users.email, name: users.name });
      await writeAudit(tx, {
        actor,
        at,
        accountId: actor.accountId,
        action: "member.add",
        entityType: "user",
        entityId: u!.id,
        after: { email: input.email, name: input.name },
      });
      return u!;
    });
  } catch (e) {
    const code =
      (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === "23505")
      throw new DomainError("conflict", `A user with the email ${input.email} already exists.`, {
        fields: { email: "is already registered" },
      });
    throw e;
  }
}

/** Removing a member keeps the row (audit rows name it) and ends its logins. */
export async function removeMember(actor: CustomerActor, userId: string) {
  return db().transaction(async (tx) => {
    const [u] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId), isNull(users.removedAt)))
      .for("update");
    if (!u) throw notFound("Member");
    if (u.accountRole === "owner") throw invalidState("The owner cannot be removed from the account.");
    const at = await now(tx);
    await tx
      .update(users)
      .set({ removedAt: at, email: `${u.email}#removed-${u.id}` })
      .where(eq(users.id, userId));
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "member.remove",
      entityType: "user",
      entityId: userId,
      before: { email: u.email },
      after: { removedAt: at.toISOString() },
    });
  });
}
