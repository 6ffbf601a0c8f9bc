/** Vouchers (R-PROMO-3): operators issue them to one account; a purchase uses one at most once. */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, orders, vouchers } from "@/db/schema";
import { actorTag, type OperatorActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { notFound, validationFailed } from "@/lib/errors";
import { toMoneyString, type Money } from "@/lib/money";
import { writeAudit } from "./audit";

export type VoucherRow = typeof vouchers.$inferSelect;

export async function issueVoucher(
  actor: OperatorActor,
  input: { accountId: string; amount: Money; minTotal?: Money; expiresAt: Date },
): Promise<VoucherRow> {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    if (input.expiresAt <= at) throw validationFailed({ expiresAt: "must be in the future" });
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) throw notFound("Account");
    const [v] = await tx
      .insert(vouchers)
      .values({
        accountId: input.accountId,
        amount: toMoneyString(input.amount),
        minTotal: input.minTotal ? toMoneyString(input.minTotal) : null,
        expiresAt: input.expiresAt,
        issuedBy: actorTag(actor),
        issuedAt: at,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: input.accountId,
      action: "voucher.issue",
      entityType: "voucher",
      entityId: v!.id,
      after: { amount: v!.amount, minTotal: v!.minTotal, expiresAt: v!.expiresAt.toISOString() },
    });
    return v!;
  });
}

export async function listVouchers(accountId?: string): Promise<(VoucherRow & { usedOrderNo: string | null })[]> {
  const rows = await db()
    .select({ v: vouchers, usedOrderNo: orders.number })
    .from(vouchers)
    .leftJoin(orders, eq(orders.id, vouchers.usedOrderId))
    .where(accountId ? and(eq(vouchers.accountId, accountId)) : undefined)
    .orderBy(desc(vouchers.issuedAt), desc(vouchers.id))
    .limit(500);
  return rows.map((r) => ({ ...r.v, usedOrderNo: r.usedOrderNo }));
}
