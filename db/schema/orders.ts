import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { apps } from "./apps";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const ORDER_TYPES = ["plan", "pack", "renewal", "align", "change"] as const;
/**
 * paid: executed. pending_review: a plan change waiting for its refund's
 * review (R-BUY-3); nothing charged. rejected: that review said no.
 */
export const ORDER_STATUSES = ["paid", "pending_review", "rejected"] as const;

/** One paid purchase (SPEC §5). Totals are what the quote made inside the purchase transaction. */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The order number customers see and the tie-breaker of "newest first" (from a sequence, never a count)
    orderNo: bigserial("order_no", { mode: "number" }).notNull().unique(),
    // O-YYYYMMDD-NNNNNN (lib/billing/numbers.ts): Shanghai day of creation + order_no; set once at insert
    // (NOT NULL after the backfill migration 0009; nullable here only so the generated ADD COLUMN works on old rows)
    number: text("number").unique(),
    // paid | pending_review | rejected (R-BUY-3: a change whose refund waits for review)
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("paid"),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    type: text("type", { enum: ORDER_TYPES }).notNull(),
    // Σ line list amounts, Σ campaign discounts, voucher part, and what the balance paid (total)
    listTotal: money("list_total").notNull(),
    discountTotal: money("discount_total").notNull(),
    voucherAmount: money("voucher_amount").notNull(),
    total: money("total").notNull(),
    // How the order was paid (R-BUY-7): voucher + gift + cash = listTotal − discountTotal
    paidCash: money("paid_cash").notNull(),
    paidGift: money("paid_gift").notNull(),
    paidVoucher: money("paid_voucher").notNull(),
    voucherId: uuid("voucher_id"),
    // owner | member: who placed it (campaigns are owner-only, R-PROMO-2)
    placedByRole: text("placed_by_role").notNull(),
    actor: text("actor").notNull(),
    // The validated request, kept for receipts and audits
    request: jsonb("request").notNull(),
    // A change waiting for review: the quoted lines (amounts fixed at request time), written as order lines on approval
    pendingLines: jsonb("pending_lines"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("orders_account_idx").on(t.accountId, t.createdAt)],
);

/** One line of an order: a plan or pack for one app and one period (these rows are the terms). */
export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    lineNo: integer("line_no").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    sdkAppId: bigint("sdk_app_id", { mode: "number" }).notNull(),
    // "plan" or a pack name
    product: text("product").notNull(),
    // the plan's edition (plan lines) or the pack tier (pack lines, null when the pack has none)
    edition: text("edition"),
    tier: text("tier"),
    billing: text("billing", { enum: ["prepaid", "postpaid"] }).notNull(),
    // new | renewal (campaign eligibility, R-PROMO-1)
    kind: text("kind", { enum: ["new", "renewal"] }).notNull(),
    // Whole months, or months(now → E) with its fraction for a pack bought alone (R-BUY-5)
    months: numeric("months", { precision: 20, scale: 12 }).notNull(),
    periodStart: ts("period_start").notNull(),
    periodEnd: ts("period_end").notNull(),
    // monthly list price of the price-book version below
    unitPrice: money("unit_price").notNull(),
    listAmount: money("list_amount").notNull(),
    discountAmount: money("discount_amount").notNull(),
    amount: money("amount").notNull(),
    // This line's part of the order's payment (R-REF-3): voucher, gift and cash sum to `amount`
    paidVoucher: money("paid_voucher").notNull(),
    paidGift: money("paid_gift").notNull(),
    paidCash: money("paid_cash").notNull(),
    campaignId: uuid("campaign_id"),
    // false when a campaign that is not refundable by self-service priced the line
    refundable: boolean("refundable").notNull(),
    priceBookVersion: text("price_book_version").notNull(),
    // The refund (pending or executed) that claimed this line; a line is refunded at most once
    refundId: uuid("refund_id"),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId, t.lineNo),
    index("order_lines_app_idx").on(t.appId, t.periodEnd),
    index("order_lines_campaign_idx").on(t.accountId, t.campaignId),
  ],
);

/** The current pack of each type on an app (R-BUY-3: one active per type). */
export const appPacks = pgTable(
  "app_packs",
  {
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    pack: text("pack").notNull(),
    tier: text("tier"),
    billing: text("billing", { enum: ["prepaid", "postpaid"] }).notNull(),
    startsAt: ts("starts_at").notNull(),
    // active while now < endsAt and endedAt is null; a refund sets endedAt (R-REF-5)
    endsAt: ts("ends_at").notNull(),
    endedAt: ts("ended_at"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.pack] })],
);

/** R-PROMO-3: issued by an operator to one account; pays up to its amount once. */
export const vouchers = pgTable(
  "vouchers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    amount: money("amount").notNull(),
    // optional minimum order total (after campaign discounts)
    minTotal: money("min_total"),
    expiresAt: ts("expires_at").notNull(),
    issuedBy: text("issued_by").notNull(),
    issuedAt: ts("issued_at").notNull(),
    usedOrderId: uuid("used_order_id"),
    usedAt: ts("used_at"),
    // what it paid of that order; the rest is forfeited
    usedAmount: money("used_amount"),
  },
  (t) => [index("vouchers_account_idx").on(t.accountId, t.expiresAt)],
);

/** R-PROMO-1: operator-editable campaigns on plan lines. `rate` is the price multiplier (0.10 = 1折). */
export const campaigns = pgTable("campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  // stable code of the seeded defaults ("first_purchase", "ultimate_annual"); null for others
  code: text("code").unique(),
  name: text("name").notNull(),
  editions: text("editions").array().notNull(),
  minMonths: integer("min_months").notNull(),
  maxMonths: integer("max_months").notNull(),
  appliesNew: boolean("applies_new").notNull(),
  appliesRenewal: boolean("applies_renewal").notNull(),
  rate: numeric("rate", { precision: 6, scale: 4 }).notNull(),
  firstPurchaseOnly: boolean("first_purchase_only").notNull(),
  oncePerAccount: boolean("once_per_account").notNull(),
  startsAt: ts("starts_at").notNull(),
  endsAt: ts("ends_at"),
  refundable: boolean("refundable").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

/** R-BUY-8: an idempotency key per account; the same key within 24 h returns the first order. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    key: text("key").notNull(),
    // sha256 of the canonical request body
    requestHash: text("request_hash").notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);
