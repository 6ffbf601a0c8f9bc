import { sql } from "drizzle-orm";
import {
  bigint,
  date,
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
import { NOTIFICATION_KINDS, type NotificationKind } from "../../lib/notifications/kinds";
import { accounts } from "./accounts";

export { NOTIFICATION_KINDS, type NotificationKind };

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
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
  (t) => [
    unique("notifications_account_kind_day").on(t.accountId, t.kind, t.day),
    index("notifications_account_created_idx").on(t.accountId, t.createdAt),
  ],
);

/** People besides the owner who get notifications (余额预警 recipients, R-LIFE-6); the owner manages them. */
export const alertRecipients = pgTable(
  "alert_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    // at least one of email / phone (checked on input)
    email: text("email"),
    phone: text("phone"),
    // the notification kinds this person wants
    kinds: text("kinds").array().notNull().$type<NotificationKind[]>(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("alert_recipients_account_idx").on(t.accountId)],
);

export const DELIVERY_CHANNELS = ["email", "sms"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The outbox: one message of a notification to one address. Written with the notification (same
 * transaction), sent after commit by the delivery job. Delivery times are wall-clock (a real mail
 * server's time), unlike the notification's own instants which follow the one clock.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    // an email address or a phone number
    to: text("to").notNull(),
    // the alert recipient, or null for the account owner
    recipientId: uuid("recipient_id"),
    // pending (waiting or retrying) | sent | failed (gave up after the last attempt)
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    // the message as rendered at the last attempt (kept for operators; the development transport's outbox)
    subject: text("subject"),
    body: text("body"),
    // smtp | dev-email | dev-sms …: which transport took (or refused) it
    transport: text("transport"),
    createdAt: ts("created_at").notNull().defaultNow(),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    // when a delivery job was enqueued for it (null: not yet handed to pg-boss)
    queuedAt: ts("queued_at"),
    sentAt: ts("sent_at"),
  },
  (t) => [
    index("deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("deliveries_notification_idx").on(t.notificationId),
  ],
);

/**
 * Balance alert (R-LIFE-8): the owner's threshold and where the current run of daily alerts stands.
 * A row exists only while a threshold is set.
 */
export const balanceAlerts = pgTable("balance_alerts", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id),
  // alert while available < threshold (CNY)
  threshold: numeric("threshold", { precision: 14, scale: 2 }).notNull(),
  // alerts sent in the current run below the threshold (0..5); back to 0 once available >= threshold
  streak: integer("streak").notNull().default(0),
  // the Shanghai day of the last alert (at most one a day)
  lastAlertDay: date("last_alert_day", { mode: "string" }),
  updatedAt: ts("updated_at").notNull(),
});
