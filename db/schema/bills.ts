import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { apps } from "./apps";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const BILL_STATUSES = ["pushed", "deducted"] as const;

/** R-LIFE-3: one postpaid bill per account and natural month; the unique key makes bill runs idempotent. */
export const bills = pgTable(
  "bills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // the bill number customers see; from a sequence
    billNo: bigserial("bill_no", { mode: "number" }).notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    // the natural month billed, "YYYY-MM" (Shanghai)
    month: text("month").notNull(),
    // pushed (made, not yet deducted) | deducted
    status: text("status", { enum: BILL_STATUSES }).notNull(),
    // Σ line amounts (each rounded once, R-MONEY-1)
    total: money("total").notNull(),
    // what the deduction took from gift first, then cash (cash may go negative, R-LIFE-3)
    paidGift: money("paid_gift"),
    paidCash: money("paid_cash"),
    priceBookVersion: text("price_book_version").notNull(),
    // the scheduled instants (00:00 on the 1st / the 3rd), never the time the job happened to run
    pushedAt: ts("pushed_at").notNull(),
    deductedAt: ts("deducted_at"),
  },
  (t) => [
    unique("bills_account_month_uq").on(t.accountId, t.month),
    index("bills_month_status_idx").on(t.month, t.status),
  ],
);

/** One line of a bill: one item of one app, with how it was reached (`detail`). */
export const billLines = pgTable(
  "bill_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    billId: uuid("bill_id")
      .notNull()
      .references(() => bills.id),
    lineNo: integer("line_no").notNull(),
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    sdkAppId: bigint("sdk_app_id", { mode: "number" }).notNull(),
    // dau_overage | group_overage | history | barrage_bandwidth
    item: text("item").notNull(),
    // units over the free quota, days of history, or Mbps·day of bandwidth
    quantity: numeric("quantity", { precision: 20, scale: 3 }).notNull(),
    unitPrice: money("unit_price").notNull(),
    amount: money("amount").notNull(),
    detail: jsonb("detail").notNull(),
  },
  (t) => [index("bill_lines_bill_idx").on(t.billId, t.lineNo), index("bill_lines_app_idx").on(t.appId)],
);
