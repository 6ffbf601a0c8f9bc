import { sql } from "drizzle-orm";
import { bigint, date, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** API.md `notification.kind`; one notification of a kind per account per Shanghai day (R-LIFE-6). */
export const NOTIFICATION_KINDS = [
  "expiry_warning",
  "expired",
  "suspended",
  "reclaimed",
  "auto_renewed",
  "auto_renew_failed",
  "bill_pushed",
  "arrears",
  "balance_alert",
  "refund_reviewed",
  "feature_enabled",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull().references(() => accounts.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    // the Shanghai day the notification belongs to (the dedupe key with account and kind)
    day: date("day", { mode: "string" }).notNull(),
    // every app concerned that day, ascending; later events of the same day add theirs
    sdkAppIds: bigint("sdk_app_ids", { mode: "number" }).array().notNull().default(sql`'{}'::bigint[]`),
    // kind-specific facts for the text (money as strings, months, reasons), merged per day
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    readAt: ts("read_at"),
  },
  (t) => [unique("notifications_account_kind_day").on(t.accountId, t.kind, t.day), index("notifications_account_created_idx").on(t.accountId, t.createdAt)],
);
