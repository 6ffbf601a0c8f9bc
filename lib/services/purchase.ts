/**
 * Purchase use cases (SPEC §5, R-LIFE-1): quote (nothing written) and place an order (one
 * transaction: lock, re-quote, pay, write order + lines + packs + ledger + audit, update apps).
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { accounts, appPacks, apps, campaigns, idempotencyKeys, orderLines, orders, refunds, vouchers } from "@/db/schema";
import { actorTag, type CustomerActor } from "@/lib/auth/actor";
import { allocate } from "@/lib/billing/allocate";
import { currentPriceBook } from "@/lib/billing/price-book";
import { computeRefund } from "@/lib/billing/refund";
import { quote, splitPayment, type AppState, type OrderRequest, type Quote, type QuoteInput } from "@/lib/billing/quote";
import type { CampaignRule } from "@/lib/billing/campaigns";
import { clockMode, now } from "@/lib/clock";
import { DomainError, notFound } from "@/lib/errors";
import { money, toMoneyString, ZERO, type Money } from "@/lib/money";
import { writeAudit } from "./audit";
import { changeStatus } from "./apps";
import { stopAppFeatures } from "./features";
import { balanceOf, post } from "./ledger";
import { executeRefund, refundContext, writeRefund } from "./refund";

const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

function appIdsOf(req: OrderRequest): number[] {
  return req.type === "renewal" || req.type === "align" ? req.sdkAppIds : [req.sdkAppId];
}

export function campaignRuleOf(row: typeof campaigns.$inferSelect): CampaignRule {
  return {
    id: row.id, code: row.code, name: row.name, editions: row.editions, minMonths: row.minMonths, maxMonths: row.maxMonths,
    appliesNew: row.appliesNew, appliesRenewal: row.appliesRenewal, rate: money(row.rate), firstPurchaseOnly: row.firstPurchaseOnly,
    oncePerAccount: row.oncePerAccount, startsAt: row.startsAt, endsAt: row.endsAt, refundable: row.refundable,
  };
}

type AccountFacts = { hasEarlierOrder: boolean; usedCampaignIds: string[]; campaigns: CampaignRule[] };
type PackJson = { pack: string; tier: string | null; billing: "prepaid" | "postpaid"; startsAt: string; endsAt: string; endedAt: string | null };
type CampaignJson = {
  id: string; code: string | null; name: string; editions: string[]; min_months: number; max_months: number; applies_new: boolean; applies_renewal: boolean;
  rate: string | number; first_purchase_only: boolean; once_per_account: boolean; starts_at: string; ends_at: string | null; refundable: boolean;
};
const parseJson = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

/**
 * Everything about the account a quote or an order needs, in one statement (issue 11): the account row
 * (locked with `lock`), the test clock's instant, the idempotency key's earlier use, whether an order
 * exists, the campaigns the account has used, and the campaigns.
 */
async function accountContext(conn: DbOrTx, accountId: string, opts: { lock: boolean; idempotencyKey?: string }) {
  // The lock is its own statement: a statement that waited for a row lock still sees the snapshot taken
  // before the wait in its other parts, so what the lock holder committed (an order, the key's first use)
  // must be read by the next statement.
  if (opts.lock) await conn.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");
  const [row] = await conn
    .select({
      account: accounts,
      testNow: sql<string | Date | null>`(select test_now from clock_state where id = 1)`,
      prior: sql<unknown>`(select json_build_object('requestHash', k.request_hash, 'orderId', k.order_id, 'createdAt', k.created_at) from idempotency_keys k where k.account_id = "accounts"."id" and k.key = ${opts.idempotencyKey ?? null}::text)`,
      hasEarlierOrder: sql<boolean>`exists (select 1 from orders o where o.account_id = "accounts"."id")`,
      usedCampaignIds: sql<unknown>`coalesce((select json_agg(distinct l.campaign_id) from order_lines l where l.account_id = "accounts"."id" and l.campaign_id is not null), '[]'::json)`,
      campaigns: sql<unknown>`coalesce((select json_agg(c) from campaigns c), '[]'::json)`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw notFound("Account");
  // Test mode reads the clock row (made on first use by now()); production uses the wall clock.
  const at = clockMode() === "test" && row.testNow ? new Date(row.testNow) : await now(conn);
  const prior = parseJson<{ requestHash: string; orderId: string; createdAt: string } | null>(row.prior);
  const facts: AccountFacts = {
    hasEarlierOrder: Boolean(row.hasEarlierOrder),
    usedCampaignIds: parseJson<string[]>(row.usedCampaignIds),
    campaigns: parseJson<CampaignJson[]>(row.campaigns).map((c) => ({
      id: c.id, code: c.code, name: c.name, editions: c.editions as CampaignRule["editions"], minMonths: c.min_months, maxMonths: c.max_months,
      appliesNew: c.applies_new, appliesRenewal: c.applies_renewal, rate: money(String(c.rate)), firstPurchaseOnly: c.first_purchase_only,
      oncePerAccount: c.once_per_account, startsAt: new Date(c.starts_at), endsAt: c.ends_at ? new Date(c.ends_at) : null, refundable: c.refundable,
    })),
  };
  return { account: row.account, at, facts, prior: prior ? { ...prior, createdAt: new Date(prior.createdAt) } : null };
}

/**
 * Loads everything a quote needs; with `lock`, the apps and the voucher are locked (the caller holds the
 * account lock). The apps come with their packs in one statement.
 */
async function loadQuoteInput(conn: DbOrTx, actor: CustomerActor, req: OrderRequest, at: Date, account: { verified: boolean; fiveDayRefundAt: Date | null }, lock: boolean, facts: AccountFacts): Promise<QuoteInput> {
  const ids = appIdsOf(req);
  const appQuery = conn
    .select({
      app: apps,
      packs: sql<unknown>`coalesce((select json_agg(json_build_object('pack', p.pack, 'tier', p.tier, 'billing', p.billing, 'startsAt', p.starts_at, 'endsAt', p.ends_at, 'endedAt', p.ended_at)) from app_packs p where p.app_id = "apps"."id"), '[]'::json)`,
    })
    .from(apps)
    .where(and(eq(apps.accountId, actor.accountId), inArray(apps.sdkAppId, ids), ne(apps.status, "deleted")))
    .orderBy(asc(apps.id));
  const appRows = lock ? await appQuery.for("update", { of: apps }) : await appQuery;
  const byId = new Map(appRows.map((r) => [r.app.sdkAppId, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw notFound(`App ${missing}`);
  const appStates: AppState[] = ids.map((id) => {
    const { app: a, packs } = byId.get(id)!;
    return {
      id: a.id, sdkAppId: a.sdkAppId, name: a.name, edition: a.edition, status: a.status, expiresAt: a.expiresAt,
      packs: parseJson<PackJson[]>(packs).map((p) => ({ pack: p.pack, tier: p.tier, billing: p.billing, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt), endedAt: p.endedAt ? new Date(p.endedAt) : null })),
    };
  });

  let voucher: QuoteInput["voucher"] = null;
  if ("voucherId" in req && req.voucherId) {
    const q = conn.select().from(vouchers).where(and(eq(vouchers.id, req.voucherId), eq(vouchers.accountId, actor.accountId)));
    const [v] = lock ? await q.for("update") : await q;
    if (!v) throw notFound("Voucher");
    voucher = { id: v.id, amount: money(v.amount), minTotal: v.minTotal ? money(v.minTotal) : null, expiresAt: v.expiresAt, usedAt: v.usedAt };
  }
  // R-BUY-3: a change is priced after the standard refund of the current plan (never the five-day one).
  const changeRefund = req.type === "change" ? computeRefund(await refundContext(conn, account, byId.get(req.sdkAppId)!.app, at), { product: "plan", mode: "standard" }) : undefined;
  return {
    changeRefund,
    book: currentPriceBook(),
    now: at,
    account: { verified: account.verified, role: actor.role, hasEarlierOrder: facts.hasEarlierOrder, usedCampaignIds: facts.usedCampaignIds },
    apps: appStates,
    campaigns: facts.campaigns,
    voucher,
  };
}

function quoteOrThrow(input: QuoteInput, req: OrderRequest): Quote {
  const r = quote(input, req);
  if (r.kind === "refused") throw new DomainError(r.code, r.message, r.details);
  return r.quote;
}

export type QuoteView = { quote: Quote; balance: ReturnType<typeof balanceOf>; shortfall: ReturnType<typeof money> };

/** POST /quotes: the same rules as a purchase, nothing written. */
export async function quoteOrder(actor: CustomerActor, req: OrderRequest): Promise<QuoteView> {
  const conn = db();
  const { account, at, facts } = await accountContext(conn, actor.accountId, { lock: false });
  const q = quoteOrThrow(await loadQuoteInput(conn, actor, req, at, account, false, facts), req);
  const balance = balanceOf(account);
  const pay = splitPayment(q.total, creditedBalance(balance, q));
  return { quote: q, balance, shortfall: pay.kind === "insufficient_balance" ? pay.shortfall : ZERO };
}

/** The canonical form of a validated request, so that key order in the JSON does not matter. */
function requestHash(req: OrderRequest): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)])) : v;
  return createHash("sha256").update(JSON.stringify(canon(req))).digest("hex");
}

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderView = OrderRow & {
  lines: (OrderLineRow & { campaignCode: string | null; campaignName: string | null; appName: string })[];
  /** the refund a change order made (R-BUY-3) */
  refund: typeof refunds.$inferSelect | null;
};

/**
 * POST /orders (R-BUY-1..8, R-PROMO, R-LIFE-1). The account lock serialises every purchase of the
 * account, so a repeated idempotency key always finds the first order.
 */
export async function placeOrder(actor: CustomerActor, req: OrderRequest, idempotencyKey: string, opts: { at?: Date } = {}): Promise<{ order: OrderView; replayed: boolean }> {
  const hash = requestHash(req);
  const orderId = await db().transaction(async (tx) => {
    // One statement: the account lock, the clock, the key's earlier use and what the quote needs of the account.
    const ctx = await accountContext(tx, actor.accountId, { lock: true, idempotencyKey });
    const account = ctx.account;
    // `opts.at` is for seeding history only (db/demo-usage.ts): an order placed at a past instant.
    const at = opts.at ?? ctx.at;
    const prior = ctx.prior;
    const priorLive = prior && at.getTime() - prior.createdAt.getTime() < IDEMPOTENCY_WINDOW_MS;
    if (priorLive) {
      if (prior.requestHash !== hash) {
        throw new DomainError("idempotency_conflict", "This Idempotency-Key was already used for a different order. Use a new key for a new order.", { idempotencyKey });
      }
      return { id: prior.orderId, replayed: true };
    }

    const q = quoteOrThrow(await loadQuoteInput(tx, actor, req, at, account, true, ctx.facts), req);
    const balance = balanceOf(account);
    const pay = splitPayment(q.total, creditedBalance(balance, q));
    if (pay.kind === "insufficient_balance") {
      throw new DomainError(
        "insufficient_balance",
        `The balance is short by ${toMoneyString(pay.shortfall)} CNY: the order needs ${toMoneyString(q.total)} and ${toMoneyString(balance.available)} is available. Top up, then try again.`,
        { shortfall: toMoneyString(pay.shortfall), total: toMoneyString(q.total), available: toMoneyString(balance.available) },
      );
    }
    // A change refunds first (money back to cash and gift), then pays the new order, in this transaction.
    const changeRefund = q.refund && req.type === "change" ? await refundForChange(tx, actor, req.sdkAppId, q, at) : null;
    const id = await writeOrder(tx, actor, req, q, pay, at);
    if (changeRefund) await tx.update(refunds).set({ changeOrderId: id }).where(eq(refunds.id, changeRefund));
    if (prior) {
      await tx.update(idempotencyKeys).set({ requestHash: hash, orderId: id, createdAt: at }).where(and(eq(idempotencyKeys.accountId, actor.accountId), eq(idempotencyKeys.key, idempotencyKey)));
    } else {
      await tx.insert(idempotencyKeys).values({ accountId: actor.accountId, key: idempotencyKey, requestHash: hash, orderId: id, createdAt: at });
    }
    return { id, replayed: false };
  });
  return { order: await getOrder(actor.accountId, orderId.id), replayed: orderId.replayed };
}

/**
 * R-BUY-9: renews one app for 1 month (plan and its prepaid packs) on the account's standing
 * instruction, at instant `at`, inside the caller's transaction (which holds the account lock).
 * Nothing is written when the balance is short or the app cannot be renewed.
 */
export async function autoRenewApp(tx: Tx, accountId: string, sdkAppId: number, at: Date): Promise<"renewed" | "insufficient_balance" | "not_eligible"> {
  const actor: CustomerActor = { kind: "customer", accountId, role: "owner", via: "auto_renew" };
  const req: OrderRequest = { type: "renewal", sdkAppIds: [sdkAppId], months: 1, agreeSla: true };
  const { account, facts } = await accountContext(tx, accountId, { lock: false });
  const r = quote(await loadQuoteInput(tx, actor, req, at, account, true, facts), req);
  if (r.kind === "refused") return "not_eligible";
  const pay = splitPayment(r.quote.total, balanceOf(account));
  if (pay.kind === "insufficient_balance") return "insufficient_balance";
  await writeOrder(tx, actor, req, r.quote, pay, at);
  return "renewed";
}

/** The balance a change order pays from: today's balance plus what the standard refund gives back. */
function creditedBalance(balance: { cash: Money; gift: Money }, q: Quote) {
  return q.refund ? { cash: balance.cash.plus(q.refund.cash), gift: balance.gift.plus(q.refund.gift) } : balance;
}

async function refundForChange(tx: Tx, actor: CustomerActor, sdkAppId: number, q: Quote, at: Date): Promise<string> {
  const [app] = await tx.select().from(apps).where(and(eq(apps.accountId, actor.accountId), eq(apps.sdkAppId, sdkAppId)));
  const refund = await writeRefund(tx, actor, app!, { product: "plan", mode: "standard" }, q.refund!, "executed", at);
  await executeRefund(tx, actor, refund, at, { keepTerm: true });
  return refund.id;
}

async function writeOrder(tx: Tx, actor: CustomerActor, req: OrderRequest, q: Quote, pay: { cash: ReturnType<typeof money>; gift: ReturnType<typeof money> }, at: Date): Promise<string> {
  const [order] = await tx
    .insert(orders)
    .values({
      accountId: actor.accountId, type: q.type,
      listTotal: toMoneyString(q.listTotal), discountTotal: toMoneyString(q.discountTotal), voucherAmount: toMoneyString(q.voucherAmount), total: toMoneyString(q.total),
      paidCash: toMoneyString(pay.cash), paidGift: toMoneyString(pay.gift), paidVoucher: toMoneyString(q.voucherAmount),
      voucherId: q.voucherId, placedByRole: actor.role, actor: actorTag(actor), request: req, createdAt: at,
    })
    .returning({ id: orders.id });
  const orderId = order!.id;
  // Voucher first, then gift, then cash (R-BUY-7), spread over the lines so refunds know each line's split.
  const amounts = q.lines.map((l) => l.amount);
  const voucherParts = allocate(q.voucherAmount, amounts);
  const net = amounts.map((a, i) => a.minus(voucherParts[i]!));
  const giftParts = allocate(pay.gift, net);
  await tx.insert(orderLines).values(
    q.lines.map((l, i) => ({
      paidVoucher: toMoneyString(voucherParts[i]!), paidGift: toMoneyString(giftParts[i]!), paidCash: toMoneyString(net[i]!.minus(giftParts[i]!)),
      orderId, lineNo: i + 1, accountId: actor.accountId, appId: l.appId, sdkAppId: String(l.sdkAppId), product: l.product,
      edition: l.edition, tier: l.tier, billing: l.billing, kind: l.kind, months: l.months.toFixed(12),
      periodStart: l.periodStart, periodEnd: l.periodEnd, unitPrice: toMoneyString(l.unitPrice), listAmount: toMoneyString(l.listAmount),
      discountAmount: toMoneyString(l.discountAmount), amount: toMoneyString(l.amount), campaignId: l.campaign?.id ?? null,
      refundable: l.campaign ? l.campaign.refundable : true, priceBookVersion: q.priceBookVersion,
    })),
  );
  if (q.voucherId) {
    await tx.update(vouchers).set({ usedOrderId: orderId, usedAt: at, usedAmount: toMoneyString(q.voucherAmount) }).where(eq(vouchers.id, q.voucherId));
  }
  if (q.total.gt(0)) {
    await post(tx, actor.accountId, { kind: "purchase", cashDelta: pay.cash.neg(), giftDelta: pay.gift.neg(), refType: "order", refId: orderId, note: `${q.type} order` }, actor, at);
  }
  await applyToApps(tx, actor, req, q, at);
  await writeAudit(tx, {
    actor, at, accountId: actor.accountId, action: `order.${q.type}`, entityType: "order", entityId: orderId,
    after: { total: toMoneyString(q.total), paid: { cash: toMoneyString(pay.cash), gift: toMoneyString(pay.gift), voucher: toMoneyString(q.voucherAmount) }, apps: [...new Set(q.lines.map((l) => l.sdkAppId))] },
  });
  return orderId;
}

/** Moves each app to what its new lines give it: edition and expiry from the plan line, packs from pack lines. */
async function applyToApps(tx: Tx, actor: CustomerActor, req: OrderRequest, q: Quote, at: Date) {
  const appIds = [...new Set(q.lines.map((l) => l.appId))];
  for (const appId of appIds) {
    const lines = q.lines.filter((l) => l.appId === appId);
    const [app] = await tx.select().from(apps).where(eq(apps.id, appId));
    const plan = lines.find((l) => l.product === "plan");
    let current = app!;
    if (plan) {
      // A new term ends a refund's disabling period (R-REF-4).
      const set: Partial<typeof apps.$inferInsert> = { edition: plan.edition, expiresAt: plan.periodEnd, disablingUntil: null, renewAttemptAt: null };
      if (req.type === "plan" && req.autoRenew !== undefined) set.autoRenew = req.autoRenew;
      const [updated] = await tx.update(apps).set(set).where(eq(apps.id, appId)).returning();
      await writeAudit(tx, {
        actor, at, accountId: actor.accountId, action: plan.kind === "renewal" ? "app.renew" : req.type === "change" ? "app.change" : "app.purchase", entityType: "app", entityId: String(app!.sdkAppId),
        before: { edition: app!.edition, expiresAt: app!.expiresAt?.toISOString() ?? null, autoRenew: app!.autoRenew },
        after: { edition: updated!.edition, expiresAt: updated!.expiresAt?.toISOString() ?? null, autoRenew: updated!.autoRenew },
      });
      current = updated!;
      // R-FEAT-1: a plan change away from ultimate stops broadcast and communities at once.
      if (app!.edition === "ultimate" && plan.edition !== "ultimate") await stopAppFeatures(tx, appId, at, "left_ultimate", actor);
      // Renewing ends an expiry or refund suspension; an arrears suspension ends only with the balance (R-APP-5, R-LIFE-4).
      if (current.status !== "enabled" && !(current.status === "suspended" && current.statusReason === "arrears")) {
        current = await changeStatus(tx, actor, current, { status: "enabled", reason: plan.kind === "renewal" ? "renewed" : "purchased" }, at, "app.status");
      }
    }
    for (const l of lines.filter((x) => x.product !== "plan")) {
      const keepStart = l.kind === "renewal";
      await tx
        .insert(appPacks)
        .values({ appId, pack: l.product, tier: l.tier, billing: l.billing, startsAt: l.periodStart, endsAt: l.periodEnd, endedAt: null, updatedAt: at })
        .onConflictDoUpdate({
          target: [appPacks.appId, appPacks.pack],
          set: keepStart ? { endsAt: l.periodEnd, updatedAt: at } : { tier: l.tier, billing: l.billing, startsAt: l.periodStart, endsAt: l.periodEnd, endedAt: null, updatedAt: at },
        });
      await writeAudit(tx, { actor, at, accountId: actor.accountId, action: keepStart ? "pack.renew" : "pack.purchase", entityType: "app", entityId: String(current.sdkAppId), after: { pack: l.product, tier: l.tier, endsAt: l.periodEnd.toISOString() } });
    }
  }
}

async function withLines(rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const lines = await db()
    .select({ line: orderLines, campaignCode: campaigns.code, campaignName: campaigns.name, appName: apps.name })
    .from(orderLines)
    .innerJoin(apps, eq(apps.id, orderLines.appId))
    .leftJoin(campaigns, eq(campaigns.id, orderLines.campaignId))
    .where(inArray(orderLines.orderId, rows.map((r) => r.id)))
    .orderBy(asc(orderLines.lineNo));
  // Only change orders carry a refund (R-BUY-3): skip the read when there is none among the rows.
  const changeIds = rows.filter((r) => r.type === "change").map((r) => r.id);
  const changeRefunds = changeIds.length ? await db().select().from(refunds).where(inArray(refunds.changeOrderId, changeIds)) : [];
  return rows.map((o) => ({
    ...o,
    refund: changeRefunds.find((r) => r.changeOrderId === o.id) ?? null,
    lines: lines.filter((l) => l.line.orderId === o.id).map((l) => ({ ...l.line, campaignCode: l.campaignCode, campaignName: l.campaignName, appName: l.appName })),
  }));
}

export async function getOrder(accountId: string, orderId: string): Promise<OrderView> {
  const [row] = await db().select().from(orders).where(and(eq(orders.id, orderId), eq(orders.accountId, accountId)));
  if (!row) throw notFound("Order");
  return (await withLines([row]))[0]!;
}

export async function listOrders(accountId: string, limit = 200): Promise<OrderView[]> {
  const rows = await db().select().from(orders).where(eq(orders.accountId, accountId)).orderBy(desc(orders.createdAt), desc(orders.orderNo)).limit(limit);
  return withLines(rows);
}
