/**
 * Refund use cases (SPEC §6): preview (nothing written), request (executes, or waits for review),
 * operator approve / reject. Each write is one transaction under the account lock.
 */
import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, like, lt, ne } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { accounts, appPacks, apps, orderLines, orders, refundLines, refunds } from "@/db/schema";
import { actorTag, type CustomerActor, type OperatorActor } from "@/lib/auth/actor";
import {
  computeRefund,
  needsReview,
  productsCovered,
  REVIEW_COUNT_WINDOW_DAYS,
  type RefundComputation,
  type RefundContext,
  type RefundLine,
  type RefundMode,
} from "@/lib/billing/refund";
import { DAY_MS } from "@/lib/billing/calendar";
import { disablingEnd, statusAfterPlanRefund } from "@/lib/billing/apps";
import { now } from "@/lib/clock";
import { DomainError, notFound } from "@/lib/errors";
import { money, toMoneyString } from "@/lib/money";
import { changeStatus, type AppRow } from "./apps";
import { writeAudit } from "./audit";
import { stopAppFeatures } from "./features";
import { lockAccount, post } from "./ledger";
import { liftArrears } from "./bills";
import { nextDocNumber } from "./numbers";

export type RefundInput = { sdkAppId: number; product: string; mode: RefundMode };
export type RefundRow = typeof refunds.$inferSelect;
export type RefundLineRow = typeof refundLines.$inferSelect;

async function findApp(conn: DbOrTx, accountId: string, sdkAppId: number, lock: boolean): Promise<AppRow> {
  const q = conn
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.sdkAppId, sdkAppId), ne(apps.status, "deleted")));
  const [a] = lock ? await q.for("update") : await q;
  if (!a) throw notFound(`App ${sdkAppId}`);
  return a;
}

/** Everything computeRefund needs about one app at `at`. */
export async function refundContext(
  conn: DbOrTx,
  account: { fiveDayRefundAt: Date | null },
  app: Pick<AppRow, "id" | "edition" | "status" | "expiresAt">,
  at: Date,
): Promise<RefundContext> {
  const [pending] = await conn
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.appId, app.id), eq(refunds.status, "pending_review")))
    .limit(1);
  const packs = await conn
    .select({ pack: appPacks.pack })
    .from(appPacks)
    .where(
      and(
        eq(appPacks.appId, app.id),
        isNull(appPacks.endedAt),
        gt(appPacks.endsAt, at),
        eq(appPacks.billing, "prepaid"),
      ),
    );
  const rows = await conn
    .select({ line: orderLines, createdAt: orders.createdAt, orderNo: orders.number })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.appId, app.id), isNull(orderLines.refundId), gt(orderLines.periodEnd, at)))
    .orderBy(asc(orderLines.periodStart));
  return {
    now: at,
    app: { edition: app.edition, status: app.status, expiresAt: app.expiresAt },
    fiveDayUsed: account.fiveDayRefundAt !== null,
    pendingForProduct: Boolean(pending),
    activePacks: packs.map((p) => p.pack),
    lines: rows.map(({ line: l, createdAt, orderNo }) => ({
      lineId: l.id,
      orderId: l.orderId,
      orderNo: orderNo ?? undefined,
      orderCreatedAt: createdAt,
      product: l.product,
      months: money(l.months),
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      paidCash: money(l.paidCash),
      paidGift: money(l.paidGift),
      refundable: l.refundable,
      billing: l.billing,
    })),
  };
}

/** R-REF-7: what a refund would return now, line by line; nothing is written. */
export async function previewRefund(actor: CustomerActor, input: RefundInput, at?: Date): Promise<RefundComputation> {
  const conn = db();
  at ??= await now(conn);
  const [account] = await conn.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account) throw notFound("Account");
  const app = await findApp(conn, actor.accountId, input.sdkAppId, false);
  return computeRefund(await refundContext(conn, account, app, at), input);
}

export function refusal(
  c: Extract<RefundComputation, { eligible: false }>,
  input: { sdkAppId: number; product: string },
): DomainError {
  const messages: Record<typeof c.reason, string> = {
    trial_app: "Trial apps have nothing to refund.",
    nothing_to_refund: `App ${input.sdkAppId} has no paid ${input.product} term left to refund.`,
    five_day_used: "The five-day refund can be used once per account and has already been used. Use a standard refund.",
    five_day_window_passed:
      "The five-day refund is only for orders placed in the last five days. Use a standard refund.",
    campaign_not_refundable: "Orders priced by this campaign cannot be refunded in the console. Contact support.",
    pending_review: `A refund of app ${input.sdkAppId} is already waiting for review.`,
    app_gone: `App ${input.sdkAppId} has been reclaimed or deleted.`,
  };
  const code = c.reason === "pending_review" ? "invalid_state" : "not_eligible";
  return new DomainError(code, messages[c.reason], {
    reason: c.reason,
    sdkAppId: input.sdkAppId,
    product: input.product,
  });
}

/** Writes the refund and its lines and claims the order lines (a line is refunded at most once). */
export async function writeRefund(
  tx: Tx,
  actor: CustomerActor,
  app: AppRow,
  input: { product: string; mode: RefundMode },
  c: Extract<RefundComputation, { eligible: true }>,
  status: "pending_review" | "executed",
  at: Date,
  extra: { reviewReason?: string | null; changeOrderId?: string } = {},
): Promise<RefundRow> {
  const { seq, number } = await nextDocNumber(tx, "refund", at);
  const [refund] = await tx
    .insert(refunds)
    .values({
      refundNo: seq,
      number,
      accountId: app.accountId,
      appId: app.id,
      sdkAppId: app.sdkAppId,
      product: input.product,
      mode: input.mode,
      status,
      total: toMoneyString(c.total),
      cash: toMoneyString(c.cash),
      gift: toMoneyString(c.gift),
      reviewReason: extra.reviewReason ?? null,
      requestedBy: actorTag(actor),
      requestedAt: at,
      changeOrderId: extra.changeOrderId ?? null,
    })
    .returning();
  await tx.insert(refundLines).values(
    c.lines.map((l: RefundLine) => ({
      refundId: refund!.id,
      orderId: l.orderId,
      orderLineId: l.lineId,
      product: l.product,
      paid: toMoneyString(l.paid),
      used: toMoneyString(l.used),
      amount: toMoneyString(l.amount),
      cash: toMoneyString(l.cash),
      gift: toMoneyString(l.gift),
      note: l.note ?? null,
    })),
  );
  await tx
    .update(orderLines)
    .set({ refundId: refund!.id })
    .where(
      inArray(
        orderLines.id,
        c.lines.map((l) => l.lineId),
      ),
    );
  if (input.mode === "five_day")
    await tx.update(accounts).set({ fiveDayRefundAt: at }).where(eq(accounts.id, app.accountId));
  return refund!;
}

/**
 * Money back and the product ends now (R-REF-3..5). A plan refund also ends its packs and puts the
 * app in `disabling` for 7 days, unless `keepTerm` (a plan change buys the new term in the same transaction).
 */
export async function executeRefund(
  tx: Tx,
  actor: CustomerActor | OperatorActor,
  refund: RefundRow,
  at: Date,
  opts: { keepTerm?: boolean } = {},
): Promise<RefundRow> {
  const total = money(refund.total);
  if (total.gt(0)) {
    await post(
      tx,
      refund.accountId,
      {
        kind: "refund",
        cashDelta: money(refund.cash),
        giftDelta: money(refund.gift),
        refType: "refund",
        refId: refund.id,
        note: `${refund.product} refund (${refund.mode})`,
      },
      actor,
      at,
    );
  }
  const [app] = await tx.select().from(apps).where(eq(apps.id, refund.appId)).for("update");
  const ended = await tx
    .select({ pack: appPacks.pack })
    .from(appPacks)
    .where(
      and(
        eq(appPacks.appId, refund.appId),
        isNull(appPacks.endedAt),
        gt(appPacks.endsAt, at),
        eq(appPacks.billing, "prepaid"),
      ),
    );
  const packsToEnd = productsCovered(
    refund.product,
    ended.map((p) => p.pack),
  ).filter((p) => p !== "plan");
  if (packsToEnd.length) {
    await tx
      .update(appPacks)
      .set({ endedAt: at, updatedAt: at })
      .where(and(eq(appPacks.appId, refund.appId), inArray(appPacks.pack, packsToEnd), isNull(appPacks.endedAt)));
  }
  if (refund.product === "plan") {
    // Postpaid packs stop with the plan too (a change re-opens the ones it
    // names); usage already made is still billed (R-REF-4).
    await tx
      .update(appPacks)
      .set({ endedAt: at, updatedAt: at })
      .where(and(eq(appPacks.appId, refund.appId), isNull(appPacks.endedAt)));
  }
  if (refund.product === "plan" && !opts.keepTerm) {
    const [u] = await tx
      .update(apps)
      .set({ expiresAt: at, autoRenew: false, disablingUntil: disablingEnd(at) })
      .where(eq(apps.id, app!.id))
      .returning();
    // A stopped or suspended app keeps its status; one in service goes to `disabling` for 7 days.
    const next = statusAfterPlanRefund(u!.status);
    if (next) await changeStatus(tx, actor, u!, next, at, "app.status");
    // R-FEAT-1: the app leaves ultimate (its term ends now): broadcast and communities stop at once.
    await stopAppFeatures(tx, app!.id, at, "refunded", actor);
  }
  // R-LIFE-4: money back that brings available to ≥ 0 lifts arrears suspensions at once.
  if (total.gt(0)) await liftArrears(tx, refund.accountId, at);
  const [done] = await tx
    .update(refunds)
    .set({ status: "executed", executedAt: at })
    .where(eq(refunds.id, refund.id))
    .returning();
  await writeAudit(tx, {
    actor,
    at,
    accountId: refund.accountId,
    action: "refund.execute",
    entityType: "refund",
    entityId: refund.id,
    before: { status: refund.status },
    after: {
      status: "executed",
      total: refund.total,
      cash: refund.cash,
      gift: refund.gift,
      product: refund.product,
      mode: refund.mode,
      packsEnded: packsToEnd,
    },
  });
  return done!;
}

/**
 * R-REF-6: the account's refunds requested in the last 30 days that count towards
 * review (not rejected; a plan change's refund is a refund too, R-BUY-3).
 */
export async function recentRefundCount(conn: DbOrTx, accountId: string, at: Date): Promise<number> {
  const rows = await conn
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(
        eq(refunds.accountId, accountId),
        ne(refunds.status, "rejected"),
        gte(refunds.requestedAt, new Date(at.getTime() - REVIEW_COUNT_WINDOW_DAYS * DAY_MS)),
      ),
    );
  return rows.length;
}

/**
 * What a refund requested now would do: the preview, and whether it
 * would wait for review (same rules as requestRefund).
 */
export async function previewWithReview(
  actor: CustomerActor,
  input: RefundInput,
): Promise<{ preview: RefundComputation; review: "amount" | "frequency" | null }> {
  const at = await now();
  const preview = await previewRefund(actor, input, at);
  const review = preview.eligible
    ? needsReview(preview.total, await recentRefundCount(db(), actor.accountId, at))
    : null;
  return { preview, review };
}

/** POST /refunds: executes at once, or waits for an operator (R-REF-6) with the amounts fixed now. */
export async function requestRefund(actor: CustomerActor, input: RefundInput): Promise<RefundRow> {
  return db().transaction(async (tx) => {
    const account = await lockAccount(tx, actor.accountId);
    const app = await findApp(tx, actor.accountId, input.sdkAppId, true);
    const at = await now(tx);
    const c = computeRefund(await refundContext(tx, account, app, at), input);
    if (!c.eligible) throw refusal(c, input);
    const review = needsReview(c.total, await recentRefundCount(tx, actor.accountId, at));
    const refund = await writeRefund(tx, actor, app, input, c, review ? "pending_review" : "executed", at, {
      reviewReason: review,
    });
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "refund.request",
      entityType: "refund",
      entityId: refund.id,
      after: { sdkAppId: input.sdkAppId, product: input.product, mode: input.mode, total: refund.total, review },
    });
    return review ? refund : executeRefund(tx, actor, refund, at);
  });
}

export type RefundView = RefundRow & {
  lines: (RefundLineRow & { orderNo: string })[];
  changeOrderNo: string | null;
  changeOrderStatus: string | null;
  changeOrderTotal: string | null;
};

async function withLines(rows: RefundRow[]): Promise<RefundView[]> {
  if (rows.length === 0) return [];
  const lines = await db()
    .select({ line: refundLines, orderNo: orders.number })
    .from(refundLines)
    .innerJoin(orders, eq(orders.id, refundLines.orderId))
    .where(
      inArray(
        refundLines.refundId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(refundLines.id));
  const changeIds = rows.map((r) => r.changeOrderId).filter((x): x is string => Boolean(x));
  const changes = changeIds.length
    ? await db()
        .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total })
        .from(orders)
        .where(inArray(orders.id, changeIds))
    : [];
  return rows.map((r) => {
    const change = changes.find((c) => c.id === r.changeOrderId);
    return {
      ...r,
      changeOrderNo: change?.number ?? null,
      changeOrderStatus: change?.status ?? null,
      changeOrderTotal: change?.total ?? null,
      lines: lines.filter((l) => l.line.refundId === r.id).map((l) => ({ ...l.line, orderNo: l.orderNo ?? "" })),
    };
  });
}

export async function getRefund(id: string, accountId?: string): Promise<RefundView> {
  const [r] = await db()
    .select()
    .from(refunds)
    .where(accountId ? and(eq(refunds.id, id), eq(refunds.accountId, accountId)) : eq(refunds.id, id));
  if (!r) throw notFound("Refund");
  return (await withLines([r]))[0]!;
}

export type RefundFilter = {
  accountId?: string;
  status?: RefundRow["status"];
  q?: string | null;
  from?: Date;
  to?: Date;
};

function refundConds(f: RefundFilter) {
  const conds = [];
  if (f.accountId) conds.push(eq(refunds.accountId, f.accountId));
  if (f.status) conds.push(eq(refunds.status, f.status));
  if (f.q) conds.push(like(refunds.number, `%${f.q}%`));
  if (f.from) conds.push(gte(refunds.requestedAt, f.from));
  if (f.to) conds.push(lt(refunds.requestedAt, f.to));
  return conds.length ? and(...conds) : undefined;
}

export async function listRefunds(f: RefundFilter & { limit?: number; offset?: number } = {}): Promise<RefundView[]> {
  const rows = await db()
    .select()
    .from(refunds)
    .where(refundConds(f))
    .orderBy(desc(refunds.requestedAt), desc(refunds.refundNo))
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0);
  return withLines(rows);
}

export async function countRefunds(f: RefundFilter = {}): Promise<number> {
  const [r] = await db().select({ n: count() }).from(refunds).where(refundConds(f));
  return r!.n;
}

/** The operator's "find by number": an order (O-…) or refund (R-…) and the account it belongs to. */
export async function findByNumber(
  number: string,
): Promise<{ kind: "order" | "refund"; id: string; accountId: string; number: string } | null> {
  const n = number.trim().toUpperCase();
  if (n.startsWith("O-")) {
    const [o] = await db()
      .select({ id: orders.id, accountId: orders.accountId, number: orders.number })
      .from(orders)
      .where(eq(orders.number, n))
      .limit(1);
    return o ? { kind: "order", id: o.id, accountId: o.accountId, number: o.number! } : null;
  }
  if (n.startsWith("R-")) {
    const [r] = await db()
      .select({ id: refunds.id, accountId: refunds.accountId, number: refunds.number })
      .from(refunds)
      .where(eq(refunds.number, n))
      .limit(1);
    return r ? { kind: "refund", id: r.id, accountId: r.accountId, number: r.number! } : null;
  }
  return null;
}
