/**
 * R-REF-6 / R-BUY-3: the operator's decision on a refund waiting for review. A refund that belongs
 * to a plan change decides the whole change: approval runs both halves in one transaction at the
 * amounts of the request; rejection releases everything.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { db } from "@/db/client";
import { accounts, apps, orderLines, orders, refunds } from "@/db/schema";
import { actorTag, type OperatorActor } from "@/lib/auth/actor";
import { splitPayment, type OrderRequest } from "@/lib/billing/quote";
import { isGone } from "@/lib/billing/apps";
import { now } from "@/lib/clock";
import { DomainError, invalidState, notFound } from "@/lib/errors";
import { money, toMoneyString } from "@/lib/money";
import { writeAudit } from "./audit";
import { balanceOf, lockAccount } from "./ledger";
import { notify } from "./notifications";
import { fulfilOrder, linesFromPending, type PendingLines } from "./purchase";
import { executeRefund, type RefundRow } from "./refund";

async function lockPending(tx: Tx, id: string): Promise<RefundRow> {
  const [r] = await tx.select().from(refunds).where(eq(refunds.id, id)).for("update");
  if (!r) throw notFound("Refund");
  if (r.status !== "pending_review")
    throw invalidState(`This refund is ${r.status.replace("_", " ")}, not waiting for review.`, { status: r.status });
  return r;
}

/** R-LIFE-6: the customer is told the decision (one `refund_reviewed` notification a day lists every decision). */
async function notifyReviewed(tx: Tx, r: RefundRow, at: Date, orderNumber?: string): Promise<void> {
  const facts = {
    sdkAppId: r.sdkAppId,
    product: r.product,
    status: r.status,
    total: r.total,
    number: r.number,
    ...(orderNumber ? { changeOrder: orderNumber } : {}),
    ...(r.rejectReason ? { reason: r.rejectReason } : {}),
  };
  await notify(tx, {
    accountId: r.accountId,
    kind: "refund_reviewed",
    at,
    sdkAppIds: [r.sdkAppId],
    data: { refunds: { [r.id]: facts } },
  });
}

async function lockChangeOrder(tx: Tx, orderId: string) {
  const [o] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!o) throw notFound("Order");
  return o;
}

/** R-REF-6: the operator approves; the refund executes at the amount computed when it was requested. */
export async function approveRefund(actor: OperatorActor, id: string): Promise<RefundRow> {
  return db().transaction(async (tx) => {
    const pending = await lockPending(tx, id);
    const account = await lockAccount(tx, pending.accountId);
    const at = await now(tx);
    const [r] = await tx
      .update(refunds)
      .set({ decidedBy: actorTag(actor), decidedAt: at })
      .where(eq(refunds.id, id))
      .returning();
    if (!pending.changeOrderId) {
      const executed = await executeRefund(tx, actor, r!, at);
      await notifyReviewed(tx, executed, at);
      return executed;
    }
    // R-BUY-3: the whole change, at the amounts of the request; the new term starts now.
    const order = await lockChangeOrder(tx, pending.changeOrderId);
    if (order.status !== "pending_review" || !order.pendingLines)
      throw invalidState(`Order ${order.number} is ${order.status}, not waiting for review.`, { status: order.status });
    const [app] = await tx.select().from(apps).where(eq(apps.id, pending.appId)).for("update");
    if (!app || isGone(app.status)) {
      throw invalidState(`App ${pending.sdkAppId} has been ${app?.status ?? "removed"}; reject this change.`, {
        reason: "app_gone",
      });
    }
    const balance = balanceOf(account);
    const total = money(order.total);
    const pay = splitPayment(total, { cash: balance.cash.plus(pending.cash), gift: balance.gift.plus(pending.gift) });
    if (pay.kind === "insufficient_balance") {
      // Nothing changes: the change keeps waiting until the customer tops up, or the operator rejects it.
      throw new DomainError(
        "insufficient_balance",
        `The account's balance no longer covers this change: it is short by ${toMoneyString(pay.shortfall)} CNY ` +
          `after the refund of ${pending.total}. Ask the customer to top up, or reject the change.`,
        {
          reason: "change_balance_short",
          shortfall: toMoneyString(pay.shortfall),
          total: order.total,
          refund: pending.total,
          available: toMoneyString(balance.available),
        },
      );
    }
    const executed = await executeRefund(tx, actor, r!, at, { keepTerm: true });
    const p = order.pendingLines as PendingLines;
    await fulfilOrder(
      tx,
      actor,
      order.accountId,
      order.id,
      order.request as OrderRequest,
      {
        type: "change",
        lines: linesFromPending(p, at),
        total,
        voucherAmount: money(order.voucherAmount),
        voucherId: null,
        priceBookVersion: p.priceBookVersion,
      },
      pay,
      at,
    );
    await tx
      .update(orders)
      .set({ status: "paid", paidCash: toMoneyString(pay.cash), paidGift: toMoneyString(pay.gift) })
      .where(eq(orders.id, order.id));
    await writeAudit(tx, {
      actor,
      at,
      accountId: order.accountId,
      action: "order.change.approve",
      entityType: "order",
      entityId: order.id,
      before: { status: "pending_review" },
      after: { status: "paid", refund: executed.number, total: order.total },
    });
    await notifyReviewed(tx, executed, at, order.number!);
    return executed;
  });
}

/**
 * R-REF-6: the operator rejects with a reason; the lines (and a five-day
 * right) are released; a waiting change is dropped whole.
 */
export async function rejectRefund(actor: OperatorActor, id: string, reason: string): Promise<RefundRow> {
  return db().transaction(async (tx) => {
    const pending = await lockPending(tx, id);
    await lockAccount(tx, pending.accountId);
    const at = await now(tx);
    const [r] = await tx
      .update(refunds)
      .set({ status: "rejected", rejectReason: reason, decidedBy: actorTag(actor), decidedAt: at })
      .where(eq(refunds.id, id))
      .returning();
    await tx.update(orderLines).set({ refundId: null }).where(eq(orderLines.refundId, id));
    if (pending.mode === "five_day")
      await tx.update(accounts).set({ fiveDayRefundAt: null }).where(eq(accounts.id, pending.accountId));
    let orderNumber: string | undefined;
    if (pending.changeOrderId) {
      const order = await lockChangeOrder(tx, pending.changeOrderId);
      if (order.status === "pending_review") {
        await tx.update(orders).set({ status: "rejected" }).where(eq(orders.id, order.id));
        await writeAudit(tx, {
          actor,
          at,
          accountId: order.accountId,
          action: "order.change.reject",
          entityType: "order",
          entityId: order.id,
          before: { status: "pending_review" },
          after: { status: "rejected", reason },
        });
      }
      orderNumber = order.number!;
    }
    await notifyReviewed(tx, r!, at, orderNumber);
    await writeAudit(tx, {
      actor,
      at,
      accountId: pending.accountId,
      action: "refund.reject",
      entityType: "refund",
      entityId: id,
      before: { status: "pending_review" },
      after: { status: "rejected", reason },
    });
    return r!;
  });
}
