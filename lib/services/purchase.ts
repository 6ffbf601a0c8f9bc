/**
 * Purchase use cases (SPEC §5, R-LIFE-1): quote (nothing written) and place an order (one
 * transaction: lock, re-quote, pay, write order + lines + packs + ledger + audit, update apps).
 */
import "server-only";
import { createHash } from "node:crypto";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  like,
  lt,
  ne,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, leanSelect, oncePerClient, type Db, type DbOrTx, type Tx } from "@/db/client";
import { pickFromJson } from "@/db/json-rows";
import {
  accounts,
  apiKeys,
  appPacks,
  apps,
  campaigns,
  idempotencyKeys,
  orderLines,
  orders,
  refundLines,
  refunds,
  vouchers,
} from "@/db/schema";
import { actorTag, type Actor, type CustomerActor } from "@/lib/auth/actor";
import { allocate } from "@/lib/billing/allocate";
import { statusAfterTerm } from "@/lib/billing/apps";
import { currentPriceBook } from "@/lib/billing/price-book";
import { computeRefund, needsReview } from "@/lib/billing/refund";
import {
  quote,
  splitPayment,
  type AppState,
  type OrderRequest,
  type Quote,
  type QuoteInput,
  type QuoteLine,
} from "@/lib/billing/quote";
import type { CampaignRule } from "@/lib/billing/campaigns";
import { termEnd } from "@/lib/billing/calendar";
import { clockMode, now } from "@/lib/clock";
import { DomainError, notFound } from "@/lib/errors";
import { money, toMoneyString, ZERO, type Money } from "@/lib/money";
import { type AuditInput, flushAudits, writeAudit } from "./audit";
import { changeStatus } from "./apps";
import { stopAppFeatures } from "./features";
import { actorOfKey, keyColumns, keyMatches } from "./api-keys";
import { campaignRuleOf, campaignsAt, campaignsVersion } from "./campaign-cache";
import { balanceOf, post } from "./ledger";
import { nextDocNumber } from "./numbers";
import { executeRefund, recentRefundCount, refundContext, writeRefund } from "./refund";

const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

function appIdsOf(req: OrderRequest): number[] {
  return req.type === "renewal" || req.type === "align" ? req.sdkAppIds : [req.sdkAppId];
}

type AccountFacts = { hasEarlierOrder: boolean; usedCampaignIds: string[]; campaigns: readonly CampaignRule[] };
type PackJson = {
  pack: string;
  tier: string | null;
  billing: "prepaid" | "postpaid";
  startsAt: string;
  endsAt: string;
  endedAt: string | null;
};
const parseJson = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

/** What a quote needs of the account beside its row, in a select from `accounts` (accountQuery, keyedQuoteQuery). */
const accountFacts = {
  testNow: sql<string | Date | null>`(select test_now from clock_state where id = 1)`,
  hasEarlierOrder: sql<boolean>`exists (select 1 from orders o where o.account_id = "accounts"."id")`,
  usedCampaignIds: sql<unknown>`coalesce((select json_agg(distinct l.campaign_id) from order_lines l
    where l.account_id = "accounts"."id" and l.campaign_id is not null), '[]'::json)`,
  campaignsVersion,
};

/** An app's packs as JSON (appStateOf's shape), `appId` the app's id column in the enclosing query. */
const packsJson = (appId: SQL) => sql`coalesce((select json_agg(json_build_object('pack', p.pack, 'tier', p.tier,
  'billing', p.billing, 'startsAt', p.starts_at, 'endsAt', p.ends_at, 'endedAt', p.ended_at)) from app_packs p
  where p.app_id = ${appId}), '[]'::json)`;

/** accountContext's one statement; `accountId` a value or a placeholder (the quote's prepared statement). */
function accountQuery(conn: DbOrTx, accountId: string | Placeholder, idempotencyKey: string | null) {
  return conn
    .select({
      account: accounts,
      ...accountFacts,
      prior: sql<unknown>`(select json_build_object('requestHash', k.request_hash, 'orderId', k.order_id,
          'createdAt', k.created_at)
        from idempotency_keys k where k.account_id = "accounts"."id" and k.key = ${idempotencyKey}::text)`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
}

const preparedAccountQuery = oncePerClient((conn) =>
  accountQuery(conn, sql.placeholder("accountId"), null).prepare("quote_account_context"),
);

/** loadQuoteInput's apps (with their packs as JSON) of the account; values or placeholders. */
function appQuery(conn: DbOrTx, accountId: string | Placeholder, ids: (number | Placeholder)[]) {
  return conn
    .select({
      app: apps,
      packs: packsJson(sql.raw('"apps"."id"')),
      // R-BUY-3: a plan change of the app waits for review (read here, not in a statement of its own: an
      // order holds the account lock, which every writer of a review takes, so this read cannot be stale).
      changePending: sql<boolean>`exists (select 1 from refunds r where r.app_id = "apps"."id"
        and r.status = 'pending_review' and r.change_order_id is not null)`,
    })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), inArray(apps.sdkAppId, ids), ne(apps.status, "deleted")))
    .orderBy(asc(apps.id));
}

/** A quote naming up to this many apps runs a prepared statement (one a count, so the set stays small). */
const PREPARED_APP_COUNTS = 8;
/**
 * A statement built once a client for each number of apps (1 to PREPARED_APP_COUNTS), its app ids the
 * placeholders app0, app1, … (bind them with appIdParams).
 */
function perAppCount<Q>(build: (conn: Db, ids: Placeholder[]) => Q): (conn: Db, n: number) => Q {
  const byClient = oncePerClient(() => new Map<number, Q>());
  return (conn, n) => {
    const byCount = byClient(conn);
    let query = byCount.get(n);
    if (!query) {
      query = build(
        conn,
        Array.from({ length: n }, (_, i) => sql.placeholder(`app${i}`)),
      );
      byCount.set(n, query);
    }
    return query;
  };
}
const appIdParams = (ids: number[], params: Record<string, unknown>) => {
  ids.forEach((id, i) => {
    params[`app${i}`] = id;
  });
  return params;
};

const preparedAppQuery = perAppCount((conn, ids) =>
  appQuery(conn, sql.placeholder("accountId"), ids).prepare(`quote_apps_${ids.length}`),
);

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
  // Issue 11: a quote (no transaction, no key) runs the statement built once a client.
  const [row] =
    conn === db() && opts.idempotencyKey === undefined
      ? await preparedAccountQuery(conn as Db).execute({ accountId })
      : await accountQuery(conn, accountId, opts.idempotencyKey ?? null);
  if (!row) throw notFound("Account");
  return contextOf(conn, row);
}

type AccountContextRow<A = Awaited<ReturnType<typeof accountQuery>>[number]["account"]> = Pick<
  Awaited<ReturnType<typeof accountQuery>>[number],
  "testNow" | "hasEarlierOrder" | "usedCampaignIds" | "campaignsVersion"
> & { account: A; prior?: unknown };

async function contextOf<A>(conn: DbOrTx, row: AccountContextRow<A>) {
  // Test mode reads the clock row (made on first use by now()); production uses the wall clock.
  const at = clockMode() === "test" && row.testNow ? new Date(row.testNow) : await now(conn);
  const prior = parseJson<{ requestHash: string; orderId: string; createdAt: string } | null>(row.prior);
  const facts: AccountFacts = {
    hasEarlierOrder: Boolean(row.hasEarlierOrder),
    usedCampaignIds: parseJson<string[]>(row.usedCampaignIds),
    campaigns: await campaignsAt(conn, row.campaignsVersion),
  };
  return { account: row.account, at, facts, prior: prior ? { ...prior, createdAt: new Date(prior.createdAt) } : null };
}

function appStateOf(a: typeof apps.$inferSelect, packRows: (typeof appPacks.$inferSelect)[]): AppState {
  return {
    id: a.id,
    sdkAppId: a.sdkAppId,
    name: a.name,
    edition: a.edition,
    status: a.status,
    expiresAt: a.expiresAt,
    packs: packRows
      .filter((p) => p.appId === a.id)
      .map((p) => ({
        pack: p.pack,
        tier: p.tier,
        billing: p.billing,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        endedAt: p.endedAt,
      })),
  };
}

/**
 * What the auto-renew notice needs to know about the buyer: one
 * statement (earlier order and campaigns used as subqueries).
 */
async function buyerContext(conn: DbOrTx, accountId: string) {
  const [row] = await conn
    .select({
      verified: accounts.verified,
      cash: accounts.cash,
      gift: accounts.gift,
      hasEarlierOrder: sql<boolean>`exists (select 1 from ${orders} where ${orders.accountId} = ${accountId})`,
      usedCampaignIds: sql<string>`array_to_string(array(select distinct ${orderLines.campaignId}::text
        from ${orderLines} where ${orderLines.accountId} = ${accountId}
          and ${orderLines.campaignId} is not null), ',')`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw notFound("Account");
  return {
    ...row,
    hasEarlierOrder: Boolean(row.hasEarlierOrder),
    usedCampaignIds: row.usedCampaignIds ? row.usedCampaignIds.split(",") : [],
  };
}

type QuoteContext = {
  account: QuoteInput["account"];
  campaigns: readonly CampaignRule[];
  balance: ReturnType<typeof balanceOf>;
};

/** The buyer's side of a quote; `account`, when given, is the caller's (locked) row and wins over the read. */
async function quoteContext(
  conn: DbOrTx,
  actor: CustomerActor,
  account?: { verified: boolean },
): Promise<QuoteContext> {
  const [buyer, campaignRows] = await Promise.all([buyerContext(conn, actor.accountId), conn.select().from(campaigns)]);
  return {
    account: {
      verified: account ? account.verified : buyer.verified,
      role: actor.role,
      hasEarlierOrder: buyer.hasEarlierOrder,
      usedCampaignIds: buyer.usedCampaignIds,
    },
    campaigns: campaignRows.map(campaignRuleOf),
    balance: balanceOf(buyer),
  };
}

/**
 * Loads everything a quote needs; with `lock`, the apps and the voucher are locked (the caller holds the
 * account lock). The apps come with their packs in one statement.
 */
async function loadQuoteInput(
  conn: DbOrTx,
  actor: CustomerActor,
  req: OrderRequest,
  at: Date,
  account: { verified: boolean; fiveDayRefundAt: Date | null },
  lock: boolean,
  facts: AccountFacts,
  read?: QuoteAppRow[],
): Promise<QuoteInput & { changePending: string[] }> {
  const ids = appIdsOf(req);
  let appRows: QuoteAppRow[];
  if (read) appRows = read;
  else if (!lock && conn === db() && ids.length <= PREPARED_APP_COUNTS) {
    // Issue 11: a quote runs the statement built once a client for its number of apps.
    appRows = await preparedAppQuery(conn as Db, ids.length).execute(appIdParams(ids, { accountId: actor.accountId }));
  } else {
    const query = appQuery(conn, actor.accountId, ids);
    appRows = lock ? await query.for("update", { of: apps }) : await query;
  }
  const byId = new Map(appRows.map((r) => [r.app.sdkAppId, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw notFound(`App ${missing}`);
  const appStates: AppState[] = ids.map((id) => {
    const { app: a, packs } = byId.get(id)!;
    return {
      id: a.id,
      sdkAppId: a.sdkAppId,
      name: a.name,
      edition: a.edition,
      status: a.status,
      expiresAt: a.expiresAt,
      packs: parseJson<PackJson[]>(packs).map((p) => ({
        pack: p.pack,
        tier: p.tier,
        billing: p.billing,
        startsAt: new Date(p.startsAt),
        endsAt: new Date(p.endsAt),
        endedAt: p.endedAt ? new Date(p.endedAt) : null,
      })),
    };
  });

  let voucher: QuoteInput["voucher"] = null;
  if ("voucherId" in req && req.voucherId) {
    const q = conn
      .select()
      .from(vouchers)
      .where(and(eq(vouchers.id, req.voucherId), eq(vouchers.accountId, actor.accountId)));
    const [v] = lock ? await q.for("update") : await q;
    if (!v) throw notFound("Voucher");
    voucher = {
      id: v.id,
      amount: money(v.amount),
      minTotal: v.minTotal ? money(v.minTotal) : null,
      expiresAt: v.expiresAt,
      usedAt: v.usedAt,
    };
  }
  // R-BUY-3: a change is priced after the standard refund of the current plan (never the five-day one).
  const changeRefund =
    req.type === "change"
      ? computeRefund(await refundContext(conn, account, byId.get(req.sdkAppId)!.app, at), {
          product: "plan",
          mode: "standard",
        })
      : undefined;
  return {
    changeRefund,
    book: currentPriceBook(),
    now: at,
    account: {
      verified: account.verified,
      role: actor.role,
      hasEarlierOrder: facts.hasEarlierOrder,
      usedCampaignIds: facts.usedCampaignIds,
    },
    apps: appStates,
    campaigns: facts.campaigns,
    voucher,
    changePending: appRows.filter((r) => r.changePending).map((r) => r.app.id),
  };
}

/** R-BUY-9: what auto-renew buys — 1 month of the plan and its prepaid packs, no voucher. */
function renewalRequest(sdkAppId: number): OrderRequest {
  return { type: "renewal", sdkAppIds: [sdkAppId], months: 1, agreeSla: true };
}

const AUTO_RENEW_ACTOR = (accountId: string): CustomerActor => ({
  kind: "customer",
  accountId,
  role: "owner",
  via: "auto_renew",
});

/**
 * The quotes auto-renew will use (R-BUY-9), for every app in `rows` at once: each app's 1-month
 * renewal quoted at its expiry instant, from the same request and price rules as `autoRenewApp`.
 * Three statements whatever the number of apps (packs, buyer with balance, campaigns). Apps the
 * rules refuse (not renewable) are left out.
 */
export async function renewalQuotesFor(
  conn: DbOrTx,
  accountId: string,
  rows: (typeof apps.$inferSelect)[],
): Promise<{ quotes: Map<number, Quote>; balance: ReturnType<typeof balanceOf> | null }> {
  const out = new Map<number, Quote>();
  const due = rows.filter((a) => a.expiresAt && a.accountId === accountId);
  if (due.length === 0) return { quotes: out, balance: null };
  const actor = AUTO_RENEW_ACTOR(accountId);
  const [packRows, ctx] = await Promise.all([
    conn
      .select()
      .from(appPacks)
      .where(
        inArray(
          appPacks.appId,
          due.map((a) => a.id),
        ),
      ),
    quoteContext(conn, actor),
  ]);
  for (const a of due) {
    const r = quote(
      {
        book: currentPriceBook(),
        now: a.expiresAt!,
        account: ctx.account,
        apps: [appStateOf(a, packRows)],
        campaigns: ctx.campaigns,
        voucher: null,
      },
      renewalRequest(a.sdkAppId),
    );
    if (r.kind === "ok") out.set(a.sdkAppId, r.quote);
  }
  return { quotes: out, balance: ctx.balance };
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
  return quoteView(quoteOrThrow(await loadQuoteInput(conn, actor, req, at, account, false, facts), req), account);
}

function quoteView(q: Quote, account: { cash: string; gift: string }): QuoteView {
  const balance = balanceOf(account);
  const pay = splitPayment(q.total, creditedBalance(balance, q));
  return { quote: q, balance, shortfall: pay.kind === "insufficient_balance" ? pay.shortfall : ZERO };
}

/** What pricing reads of an app row (appQuery reads the whole row, the quote's statement only these). */
const QUOTE_APP_FIELDS = ["id", "sdkAppId", "name", "edition", "status", "expiresAt"] as const;
type QuoteApp = Pick<typeof apps.$inferSelect, (typeof QUOTE_APP_FIELDS)[number]>;
type QuoteAppRow = { app: QuoteApp; packs: unknown; changePending?: boolean };

/** What a quote reads of the account row (the eligibility and the balance it is compared with). */
const quoteAccountColumns = {
  verified: accounts.verified,
  fiveDayRefundAt: accounts.fiveDayRefundAt,
  cash: accounts.cash,
  gift: accounts.gift,
};

/**
 * POST /quotes' one statement (issue 11): the bearer key's actor (lib/services/api-keys.ts keyColumns),
 * its account's context (accountQuery's columns) and the request's apps with their packs (appQuery's, as
 * JSON). Values or placeholders, like accountQuery and appQuery.
 */
function keyedQuoteQuery(conn: Db, keyHash: string | Placeholder, ids: (number | Placeholder)[], testClock: boolean) {
  return conn
    .select({
      // Not keyColumns.ownerId: a quote writes nothing, so the owner's user id (who did it, in audits) is not read.
      key: keyColumns.key,
      account: quoteAccountColumns,
      ...accountFacts,
      // The wall clock (production) needs no read; contextOf reads the test clock itself when this is null.
      testNow: testClock ? accountFacts.testNow : sql<string | Date | null>`null`,
      apps: sql<unknown>`coalesce((select json_agg(json_build_object('app', json_build_object(${sql.raw(
        QUOTE_APP_FIELDS.map((f) => `'${apps[f].name}', a."${apps[f].name}"`).join(", "),
      )}), 'packs',
        ${packsJson(sql.raw("a.id"))}) order by a.id)
        from apps a where a.account_id = "accounts"."id" and a.status <> 'deleted'
          and a.sdk_app_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})), '[]'::json)`,
    })
    .from(accounts)
    .innerJoin(apiKeys, eq(apiKeys.accountId, accounts.id))
    .where(keyMatches(keyHash))
    .limit(1);
}

const preparedKeyedQuoteQuery = {
  test: perAppCount((conn, ids) =>
    leanSelect(keyedQuoteQuery(conn, sql.placeholder("keyHash"), ids, true).prepare(`quote_for_key_${ids.length}`)),
  ),
  wall: perAppCount((conn, ids) =>
    leanSelect(
      keyedQuoteQuery(conn, sql.placeholder("keyHash"), ids, false).prepare(`quote_for_key_wall_${ids.length}`),
    ),
  ),
};

export type QuoteRead = Awaited<ReturnType<typeof keyedQuoteQuery>>[number];

/**
 * The key's actor (null when no live account key has this hash) and what a quote of `req` reads, in
 * one statement; `quoteFromRead` prices it once the route has checked the actor's permission.
 */
export async function readQuoteForKey(keyHash: string, req: OrderRequest) {
  const conn = db();
  const ids = appIdsOf(req);
  let rows: QuoteRead[];
  if (ids.length <= PREPARED_APP_COUNTS)
    rows = await preparedKeyedQuoteQuery[clockMode()](conn, ids.length)(appIdParams(ids, { keyHash }));
  else rows = await keyedQuoteQuery(conn, keyHash, ids, clockMode() === "test");
  const row = rows[0];
  return { actor: row ? actorOfKey(row.key, null) : null, data: row ?? null };
}

/** POST /quotes from readQuoteForKey's row: what quoteOrder answers. */
export async function quoteFromRead(actor: CustomerActor, req: OrderRequest, row: QuoteRead): Promise<QuoteView> {
  const conn = db();
  const { account, at, facts } = await contextOf(conn, row);
  const appRows = parseJson<{ app: Record<string, unknown>; packs: unknown }[]>(row.apps).map((r) => ({
    app: pickFromJson(apps, QUOTE_APP_FIELDS, r.app),
    packs: r.packs,
  }));
  return quoteView(
    quoteOrThrow(await loadQuoteInput(conn, actor, req, at, account, false, facts, appRows), req),
    account,
  );
}

/** The canonical form of a validated request, so that key order in the JSON does not matter. */
function requestHash(req: OrderRequest): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canon(req)))
    .digest("hex");
}

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderView = OrderRow & {
  lines: (OrderLineRow & { campaignCode: string | null; campaignName: string | null; appName: string })[];
  /** the refund a change order made or waits for (R-BUY-3), with its lines */
  refund: (typeof refunds.$inferSelect & { lines: (typeof refundLines.$inferSelect)[] }) | null;
};

/**
 * POST /orders (R-BUY-1..8, R-PROMO, R-LIFE-1). The account lock serialises every purchase of the
 * account, so a repeated idempotency key always finds the first order.
 */
export async function placeOrder(
  actor: CustomerActor,
  req: OrderRequest,
  idempotencyKey: string,
  opts: { at?: Date } = {},
): Promise<{ order: OrderView; replayed: boolean }> {
  const hash = requestHash(req);
  let view: OrderView | null = null;
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
        throw new DomainError(
          "idempotency_conflict",
          "This Idempotency-Key was already used for a different order. Use a new key for a new order.",
          { idempotencyKey },
        );
      }
      return { id: prior.orderId, replayed: true };
    }

    const input = await loadQuoteInput(tx, actor, req, at, account, true, ctx.facts);
    const q = quoteOrThrow(input, req);
    const balance = balanceOf(account);
    const pay = splitPayment(q.total, creditedBalance(balance, q));
    if (pay.kind === "insufficient_balance") {
      throw new DomainError(
        "insufficient_balance",
        `The balance is short by ${toMoneyString(pay.shortfall)} CNY: the order needs ${toMoneyString(q.total)} ` +
          `and ${toMoneyString(balance.available)} is available. Top up, then try again.`,
        {
          shortfall: toMoneyString(pay.shortfall),
          total: toMoneyString(q.total),
          available: toMoneyString(balance.available),
        },
      );
    }
    let id: string;
    if (q.refund && req.type === "change") {
      // R-BUY-3: a change whose refund needs review (R-REF-6) waits as a whole; otherwise it refunds
      // first (money back to cash and gift), then pays the new order, in this transaction.
      const review = needsReview(q.refund.total, await recentRefundCount(tx, actor.accountId, at));
      if (review) {
        id = await requestChangeReview(tx, actor, req, q, review, at);
      } else {
        const changeRefund = await refundForChange(tx, actor, req.sdkAppId, q, at);
        id = (await writeOrder(tx, actor, req, q, pay, at)).order.id;
        await tx.update(refunds).set({ changeOrderId: id }).where(eq(refunds.id, changeRefund));
      }
    } else {
      refuseWhileChangePending(input.changePending, q);
      const written = await writeOrder(tx, actor, req, q, pay, at);
      id = written.order.id;
      // Issue 11: a new order that is not a change is answered from what was written (no read after commit).
      if (req.type !== "change") view = orderViewOf(written.order, written.lines, q, input);
    }
    if (prior) {
      await tx
        .update(idempotencyKeys)
        .set({ requestHash: hash, orderId: id, createdAt: at })
        .where(and(eq(idempotencyKeys.accountId, actor.accountId), eq(idempotencyKeys.key, idempotencyKey)));
    } else {
      await tx
        .insert(idempotencyKeys)
        .values({ accountId: actor.accountId, key: idempotencyKey, requestHash: hash, orderId: id, createdAt: at });
    }
    return { id, replayed: false };
  });
  return { order: view ?? (await getOrder(actor.accountId, orderId.id)), replayed: orderId.replayed };
}

/** What getOrder reads back for a new order without a refund: its row, its lines with campaign and app names. */
function orderViewOf(order: OrderRow, lines: OrderLineRow[], q: Quote, input: QuoteInput): OrderView {
  const appName = new Map(input.apps.map((a) => [a.id, a.name]));
  return {
    ...order,
    refund: null,
    lines: [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => {
        const campaign = q.lines[l.lineNo - 1]?.campaign ?? null;
        return {
          ...l,
          campaignCode: campaign?.code ?? null,
          campaignName: campaign?.name ?? null,
          appName: appName.get(l.appId)!,
        };
      }),
  };
}

/**
 * R-BUY-9: renews one app for 1 month (plan and its prepaid packs) on the account's standing
 * instruction, at instant `at`, inside the caller's transaction (which holds the account lock).
 * Nothing is written when the balance is short or the app cannot be renewed.
 */
export async function autoRenewApp(
  tx: Tx,
  accountId: string,
  sdkAppId: number,
  at: Date,
): Promise<"renewed" | "insufficient_balance" | "not_eligible"> {
  const actor = AUTO_RENEW_ACTOR(accountId);
  const req = renewalRequest(sdkAppId);
  const { account, facts } = await accountContext(tx, accountId, { lock: false });
  const r = quote(await loadQuoteInput(tx, actor, req, at, account, true, facts), req);
  if (r.kind === "refused") return "not_eligible";
  // A plan change waiting for review decides this app's term; the renewal waits for that decision.
  if (
    await pendingChangeFor(
      tx,
      r.quote.lines.map((l) => l.appId),
    )
  )
    return "not_eligible";
  const pay = splitPayment(r.quote.total, balanceOf(account));
  if (pay.kind === "insufficient_balance") return "insufficient_balance";
  await writeOrder(tx, actor, req, r.quote, pay, at);
  return "renewed";
}

/** The balance a change order pays from: today's balance plus what the standard refund gives back. */
function creditedBalance(balance: { cash: Money; gift: Money }, q: Quote) {
  return q.refund ? { cash: balance.cash.plus(q.refund.cash), gift: balance.gift.plus(q.refund.gift) } : balance;
}

/** A change's quoted lines, kept on the waiting order (amounts fixed at request time, R-BUY-3). */
export type PendingLines = {
  priceBookVersion: string;
  lines: {
    appId: string;
    sdkAppId: number;
    appName: string;
    product: string;
    edition: string | null;
    tier: string | null;
    billing: "prepaid" | "postpaid";
    kind: "new" | "renewal";
    months: string;
    periodStart: string;
    periodEnd: string;
    unitPrice: string;
    listAmount: string;
    discountAmount: string;
    amount: string;
    campaign: { id: string; code: string | null; name: string; refundable: boolean } | null;
  }[];
};

function pendingLinesOf(q: Quote, appName: string): PendingLines {
  return {
    priceBookVersion: q.priceBookVersion,
    lines: q.lines.map((l) => ({
      appId: l.appId,
      sdkAppId: l.sdkAppId,
      appName,
      product: l.product,
      edition: l.edition,
      tier: l.tier,
      billing: l.billing,
      kind: l.kind,
      months: l.months.toFixed(12),
      periodStart: l.periodStart.toISOString(),
      periodEnd: l.periodEnd.toISOString(),
      unitPrice: toMoneyString(l.unitPrice),
      listAmount: toMoneyString(l.listAmount),
      discountAmount: toMoneyString(l.discountAmount),
      amount: toMoneyString(l.amount),
      campaign: l.campaign,
    })),
  };
}

/** The waiting change's lines as quote lines whose terms start at `at` (the approval): same months, same amounts. */
export function linesFromPending(p: PendingLines, at: Date): QuoteLine[] {
  return p.lines.map((l) => {
    const months = money(l.months);
    return {
      appId: l.appId,
      sdkAppId: l.sdkAppId,
      product: l.product,
      edition: l.edition,
      tier: l.tier,
      billing: l.billing,
      kind: l.kind,
      months,
      periodStart: at,
      periodEnd: termEnd(at, months.toNumber()),
      unitPrice: money(l.unitPrice),
      listAmount: money(l.listAmount),
      discountAmount: money(l.discountAmount),
      amount: money(l.amount),
      campaign: l.campaign,
    } as QuoteLine;
  });
}

/**
 * R-BUY-3 + R-REF-6: the change waits as a whole. The refund is written `pending_review` (it claims
 * the old lines, amounts fixed now); the order is written `pending_review` with its quoted lines and
 * nothing paid; no money moves and the app is untouched until an operator decides.
 */
async function requestChangeReview(
  tx: Tx,
  actor: CustomerActor,
  req: Extract<OrderRequest, { type: "change" }>,
  q: Quote,
  review: "amount" | "frequency",
  at: Date,
): Promise<string> {
  const [app] = await tx
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, actor.accountId), eq(apps.sdkAppId, req.sdkAppId)));
  const { id: orderId } = await insertOrder(tx, actor, req, q, { cash: ZERO, gift: ZERO }, at, {
    lines: pendingLinesOf(q, app!.name),
  });
  const refund = await writeRefund(
    tx,
    actor,
    app!,
    { product: "plan", mode: "standard" },
    q.refund!,
    "pending_review",
    at,
    { reviewReason: review, changeOrderId: orderId },
  );
  await writeAudit(tx, {
    actor,
    at,
    accountId: actor.accountId,
    action: "order.change.request",
    entityType: "order",
    entityId: orderId,
    after: {
      status: "pending_review",
      review,
      total: toMoneyString(q.total),
      refund: { id: refund.id, total: refund.total },
      sdkAppId: req.sdkAppId,
    },
  });
  return orderId;
}

/** The apps among `appIds` with a plan change waiting for review. */
async function pendingChangeFor(conn: DbOrTx, appIds: string[]): Promise<boolean> {
  if (appIds.length === 0) return false;
  const [row] = await conn
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(inArray(refunds.appId, appIds), eq(refunds.status, "pending_review"), isNotNull(refunds.changeOrderId)))
    .limit(1);
  return Boolean(row);
}

/**
 * No other order for an app whose plan change waits for review: the review decides its term. `pending`: the
 * ids of the order's apps with such a change (loadQuoteInput's locked read).
 */
function refuseWhileChangePending(pending: string[], q: Quote): void {
  if (q.lines.some((l) => pending.includes(l.appId))) {
    throw new DomainError(
      "invalid_state",
      "A plan change of this app is waiting for review. Wait for the decision, then order again.",
      { reason: "change_pending_review" },
    );
  }
}

async function refundForChange(tx: Tx, actor: CustomerActor, sdkAppId: number, q: Quote, at: Date): Promise<string> {
  const [app] = await tx
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, actor.accountId), eq(apps.sdkAppId, sdkAppId)));
  const refund = await writeRefund(tx, actor, app!, { product: "plan", mode: "standard" }, q.refund!, "executed", at);
  await executeRefund(tx, actor, refund, at, { keepTerm: true });
  return refund.id;
}

type Pay = { cash: Money; gift: Money };

async function insertOrder(
  tx: Tx,
  actor: CustomerActor,
  req: OrderRequest,
  q: Quote,
  pay: Pay,
  at: Date,
  pending?: { lines: PendingLines },
): Promise<OrderRow> {
  const { seq, number } = await nextDocNumber(tx, "order", at);
  const [order] = await tx
    .insert(orders)
    .values({
      orderNo: seq,
      number,
      status: pending ? "pending_review" : "paid",
      pendingLines: pending?.lines ?? null,
      accountId: actor.accountId,
      type: q.type,
      listTotal: toMoneyString(q.listTotal),
      discountTotal: toMoneyString(q.discountTotal),
      voucherAmount: toMoneyString(q.voucherAmount),
      total: toMoneyString(q.total),
      paidCash: toMoneyString(pay.cash),
      paidGift: toMoneyString(pay.gift),
      paidVoucher: toMoneyString(q.voucherAmount),
      voucherId: q.voucherId,
      placedByRole: actor.role,
      actor: actorTag(actor),
      request: req,
      createdAt: at,
    })
    .returning();
  return order!;
}

async function writeOrder(
  tx: Tx,
  actor: CustomerActor,
  req: OrderRequest,
  q: Quote,
  pay: Pay,
  at: Date,
): Promise<{ order: OrderRow; lines: OrderLineRow[] }> {
  const order = await insertOrder(tx, actor, req, q, pay, at);
  const lines = await fulfilOrder(tx, actor, actor.accountId, order.id, req, q, pay, at);
  return { order, lines };
}

/** Writes the lines, uses the voucher, takes the money and moves the apps: what makes an order paid. */
export async function fulfilOrder(
  tx: Tx,
  actor: Actor,
  accountId: string,
  orderId: string,
  req: OrderRequest,
  q: Pick<Quote, "type" | "lines" | "total" | "voucherAmount" | "voucherId" | "priceBookVersion">,
  pay: Pay,
  at: Date,
): Promise<OrderLineRow[]> {
  // Voucher first, then gift, then cash (R-BUY-7), spread over the lines so refunds know each line's split.
  const amounts = q.lines.map((l) => l.amount);
  const voucherParts = allocate(q.voucherAmount, amounts);
  const net = amounts.map((a, i) => a.minus(voucherParts[i]!));
  const giftParts = allocate(pay.gift, net);
  const lineRows = await tx
    .insert(orderLines)
    .values(
      q.lines.map((l, i) => ({
        paidVoucher: toMoneyString(voucherParts[i]!),
        paidGift: toMoneyString(giftParts[i]!),
        paidCash: toMoneyString(net[i]!.minus(giftParts[i]!)),
        orderId,
        lineNo: i + 1,
        accountId,
        appId: l.appId,
        sdkAppId: l.sdkAppId,
        product: l.product,
        edition: l.edition,
        tier: l.tier,
        billing: l.billing,
        kind: l.kind,
        months: l.months.toFixed(12),
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        unitPrice: toMoneyString(l.unitPrice),
        listAmount: toMoneyString(l.listAmount),
        discountAmount: toMoneyString(l.discountAmount),
        amount: toMoneyString(l.amount),
        campaignId: l.campaign?.id ?? null,
        refundable: l.campaign ? l.campaign.refundable : true,
        priceBookVersion: q.priceBookVersion,
      })),
    )
    .returning();
  if (q.voucherId) {
    await tx
      .update(vouchers)
      .set({ usedOrderId: orderId, usedAt: at, usedAmount: toMoneyString(q.voucherAmount) })
      .where(eq(vouchers.id, q.voucherId));
  }
  if (q.total.gt(0)) {
    await post(
      tx,
      accountId,
      {
        kind: "purchase",
        cashDelta: pay.cash.neg(),
        giftDelta: pay.gift.neg(),
        refType: "order",
        refId: orderId,
        note: `${q.type} order`,
      },
      actor,
      at,
    );
  }
  // Issue 11: the audit rows of the apps and of the order go in one insert (in the order they were written).
  const audits: AuditInput[] = [];
  await applyToApps(tx, actor, accountId, req, q, at, audits);
  audits.push({
    actor,
    at,
    accountId,
    action: `order.${q.type}`,
    entityType: "order",
    entityId: orderId,
    after: {
      total: toMoneyString(q.total),
      paid: { cash: toMoneyString(pay.cash), gift: toMoneyString(pay.gift), voucher: toMoneyString(q.voucherAmount) },
      apps: [...new Set(q.lines.map((l) => l.sdkAppId))],
    },
  });
  await flushAudits(tx, audits);
  return lineRows;
}

type AppRow = typeof apps.$inferSelect;
/** The app row before an order's update (applyToApps). */
const oldApp = alias(apps, "old_app");

/** Moves each app to what its new lines give it: edition and expiry from the plan line, packs from pack lines. */
async function applyToApps(
  tx: Tx,
  actor: Actor,
  accountId: string,
  req: OrderRequest,
  q: Pick<Quote, "lines">,
  at: Date,
  audits: AuditInput[],
) {
  const appIds = [...new Set(q.lines.map((l) => l.appId))];
  for (const appId of appIds) {
    const lines = q.lines.filter((l) => l.appId === appId);
    const plan = lines.find((l) => l.product === "plan");
    // Issue 11: with a plan line the update returns the row as it was before (a self-join on the locked
    // row), so the app is not read first.
    let current: AppRow | undefined = plan ? undefined : (await tx.select().from(apps).where(eq(apps.id, appId)))[0]!;
    if (plan) {
      // A new term ends a refund's disabling period (R-REF-4).
      const set: Partial<typeof apps.$inferInsert> = {
        edition: plan.edition,
        expiresAt: plan.periodEnd,
        disablingUntil: null,
        renewAttemptAt: null,
      };
      if (req.type === "plan" && req.autoRenew !== undefined) set.autoRenew = req.autoRenew;
      const [row] = await tx
        .update(apps)
        .set(set)
        .from(oldApp)
        .where(and(eq(apps.id, appId), eq(oldApp.id, appId)))
        .returning({
          ...getTableColumns(apps),
          oldEdition: oldApp.edition,
          oldExpiresAt: oldApp.expiresAt,
          oldAutoRenew: oldApp.autoRenew,
        });
      const { oldEdition, oldExpiresAt, oldAutoRenew, ...updated } = row!;
      const app = { sdkAppId: updated.sdkAppId, edition: oldEdition, expiresAt: oldExpiresAt, autoRenew: oldAutoRenew };
      audits.push({
        actor,
        at,
        accountId,
        action: plan.kind === "renewal" ? "app.renew" : req.type === "change" ? "app.change" : "app.purchase",
        entityType: "app",
        entityId: String(app!.sdkAppId),
        before: { edition: app!.edition, expiresAt: app!.expiresAt?.toISOString() ?? null, autoRenew: app!.autoRenew },
        after: {
          edition: updated.edition,
          expiresAt: updated.expiresAt?.toISOString() ?? null,
          autoRenew: updated.autoRenew,
        },
      });
      current = updated;
      // R-FEAT-1: a plan change away from ultimate stops broadcast and communities at once.
      if (app!.edition === "ultimate" && plan.edition !== "ultimate") {
        await flushAudits(tx, audits); // before the audit rows stopAppFeatures writes
        await stopAppFeatures(tx, appId, at, "left_ultimate", actor);
      }
      // Renewing ends an expiry or refund suspension; an arrears
      // suspension ends only with the balance (R-APP-5, R-LIFE-4).
      const next = statusAfterTerm(current, plan.kind);
      if (next) {
        await flushAudits(tx, audits); // before the audit row changeStatus writes
        current = await changeStatus(tx, actor, current, next, at, "app.status");
      }
    }
    for (const l of lines.filter((x) => x.product !== "plan")) {
      const keepStart = l.kind === "renewal";
      await tx
        .insert(appPacks)
        .values({
          appId,
          pack: l.product,
          tier: l.tier,
          billing: l.billing,
          startsAt: l.periodStart,
          endsAt: l.periodEnd,
          endedAt: null,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: [appPacks.appId, appPacks.pack],
          set: keepStart
            ? { endsAt: l.periodEnd, updatedAt: at }
            : {
                tier: l.tier,
                billing: l.billing,
                startsAt: l.periodStart,
                endsAt: l.periodEnd,
                endedAt: null,
                updatedAt: at,
              },
        });
      audits.push({
        actor,
        at,
        accountId,
        action: keepStart ? "pack.renew" : "pack.purchase",
        entityType: "app",
        entityId: String(current!.sdkAppId),
        after: { pack: l.product, tier: l.tier, endsAt: l.periodEnd.toISOString() },
      });
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
    .where(
      inArray(
        orderLines.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderLines.lineNo));
  // Only change orders carry a refund (R-BUY-3): skip the reads when there is none among the rows.
  const changeIds = rows.filter((r) => r.type === "change").map((r) => r.id);
  const changeRefunds = changeIds.length
    ? await db().select().from(refunds).where(inArray(refunds.changeOrderId, changeIds))
    : [];
  const refundLineRows = changeRefunds.length
    ? await db()
        .select()
        .from(refundLines)
        .where(
          inArray(
            refundLines.refundId,
            changeRefunds.map((r) => r.id),
          ),
        )
        .orderBy(asc(refundLines.id))
    : [];
  return rows.map((o) => ({
    ...o,
    refund: ((r) => (r ? { ...r, lines: refundLineRows.filter((l) => l.refundId === r.id) } : null))(
      changeRefunds.find((r) => r.changeOrderId === o.id),
    ),
    lines: lines
      .filter((l) => l.line.orderId === o.id)
      .map((l) => ({ ...l.line, campaignCode: l.campaignCode, campaignName: l.campaignName, appName: l.appName })),
  }));
}

export async function getOrder(accountId: string, orderId: string): Promise<OrderView> {
  const [row] = await db()
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.accountId, accountId)));
  if (!row) throw notFound("Order");
  return (await withLines([row]))[0]!;
}

export type OrderFilter = { q?: string | null; type?: OrderRow["type"]; from?: Date; to?: Date };

function orderConds(accountId: string, f: OrderFilter) {
  const conds = [eq(orders.accountId, accountId)];
  if (f.q) conds.push(like(orders.number, `%${f.q}%`));
  if (f.type) conds.push(eq(orders.type, f.type));
  if (f.from) conds.push(gte(orders.createdAt, f.from));
  if (f.to) conds.push(lt(orders.createdAt, f.to));
  return and(...conds);
}

/** The account's orders, newest first; `q` matches part of the order number (numberSearchTerm). */
export async function listOrders(
  accountId: string,
  f: OrderFilter & { limit?: number; offset?: number } = {},
): Promise<OrderView[]> {
  const rows = await db()
    .select()
    .from(orders)
    .where(orderConds(accountId, f))
    .orderBy(desc(orders.createdAt), desc(orders.orderNo))
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0);
  return withLines(rows);
}

export async function countOrders(accountId: string, f: OrderFilter = {}): Promise<number> {
  const [r] = await db().select({ n: count() }).from(orders).where(orderConds(accountId, f));
  return r!.n;
}
