/** Alert recipients (余额预警 recipients, R-LIFE-6 / R-ACC-1): people the owner names to receive notifications. */
import "server-only";
import { recipientJson } from "@/lib/wire/notifications";
import { and, asc, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { alertRecipients } from "@/db/schema";
import type { CustomerActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { DomainError, notFound } from "@/lib/errors";
import { MAX_RECIPIENTS, type RecipientInput } from "@/lib/validation/notifications";
import { writeAudit } from "./audit";
import { lockAccount } from "./ledger";

/** By name (creation instants can tie under the frozen test clock). */
export async function listRecipients(accountId: string) {
  const rows = await db()
    .select()
    .from(alertRecipients)
    .where(eq(alertRecipients.accountId, accountId))
    .orderBy(asc(alertRecipients.name), asc(alertRecipients.id));
  return rows.map(recipientJson);
}

export async function addRecipient(actor: CustomerActor, input: RecipientInput) {
  return db().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const at = await now(tx);
    const [c] = await tx
      .select({ n: count() })
      .from(alertRecipients)
      .where(eq(alertRecipients.accountId, actor.accountId));
    if (c!.n >= MAX_RECIPIENTS) {
      throw new DomainError(
        "conflict",
        `An account can have at most ${MAX_RECIPIENTS} alert recipients. Remove one first.`,
        { reason: "recipient_limit", limit: MAX_RECIPIENTS },
      );
    }
    const [r] = await tx
      .insert(alertRecipients)
      .values({
        accountId: actor.accountId,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        kinds: input.kinds,
        createdAt: at,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "alert_recipient.add",
      entityType: "alert_recipient",
      entityId: r!.id,
      after: recipientJson(r!),
    });
    return recipientJson(r!);
  });
}

/** Removes a recipient; another account's is 404. Messages already queued for them still go. */
export async function removeRecipient(actor: CustomerActor, id: string) {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const [r] = await tx
      .delete(alertRecipients)
      .where(and(eq(alertRecipients.id, id), eq(alertRecipients.accountId, actor.accountId)))
      .returning();
    if (!r) throw notFound("Alert recipient");
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "alert_recipient.remove",
      entityType: "alert_recipient",
      entityId: id,
      before: recipientJson(r),
    });
  });
}
