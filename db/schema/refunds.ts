import { bigint, bigserial, index, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { apps } from "./apps";
import { orderLines, orders } from "./orders";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const REFUND_STATUSES = ["pending_review", "executed", "rejected"] as const;

/** A refund of one prepaid product of one app (SPEC §6); amounts are fixed when it is requested. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    refundNo: bigserial("refund_no", { mode: "number" }).notNull().unique(),
    // R-YYYYMMDD-NNNNNN (lib/billing/numbers.ts): Shanghai day of the request + refund_no; set once at insert
    number: text("number").unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    sdkAppId: bigint("sdk_app_id", { mode: "number" }).notNull(),
    // "plan" or a pack name
    product: text("product").notNull(),
    mode: text("mode", { enum: ["five_day", "standard"] }).notNull(),
    // pending_review | executed | rejected (R-REF-6)
    status: text("status", { enum: REFUND_STATUSES }).notNull(),
    // what goes back: total = cash + gift
    total: money("total").notNull(),
    cash: money("cash").notNull(),
    gift: money("gift").notNull(),
    // why it waits for review: amount | frequency
    reviewReason: text("review_reason"),
    rejectReason: text("reject_reason"),
    requestedBy: text("requested_by").notNull(),
    requestedAt: ts("requested_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: ts("decided_at"),
    executedAt: ts("executed_at"),
    // the change order this refund belongs to (R-BUY-3), when it is part of a plan change
    changeOrderId: uuid("change_order_id").references(() => orders.id),
  },
  (t) => [
    index("refunds_account_idx").on(t.accountId, t.requestedAt),
    index("refunds_status_idx").on(t.status, t.requestedAt),
  ],
);

/** One order line refunded (paid, used, amount and its cash/gift split). */
export const refundLines = pgTable(
  "refund_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    refundId: uuid("refund_id")
      .notNull()
      .references(() => refunds.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id),
    product: text("product").notNull(),
    paid: money("paid").notNull(),
    used: money("used").notNull(),
    amount: money("amount").notNull(),
    cash: money("cash").notNull(),
    gift: money("gift").notNull(),
    note: text("note"),
  },
  (t) => [index("refund_lines_refund_idx").on(t.refundId)],
);
