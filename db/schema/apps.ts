import { bigint, bigserial, boolean, index, pgSequence, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./accounts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const sdkAppIdSeq = pgSequence("sdk_app_id_seq", {
  startWith: 1400000000,
  minValue: 1400000000,
  maxValue: 9999999999,
});

export const APP_EDITIONS = ["trial", "pro", "ultimate"] as const;
export const APP_STATUSES = ["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed", "deleted"] as const;
export const STATUS_REASONS = [
  "created",
  "expired",
  "refunded",
  "arrears",
  "by_customer",
  "by_operator",
  "renewed",
  "purchased",
  "arrears_lifted",
] as const;

export const apps = pgTable(
  "apps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sdkAppId: bigint("sdk_app_id", { mode: "number" }).notNull().unique().default(sql`nextval('sdk_app_id_seq')`),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    edition: text("edition", { enum: APP_EDITIONS }).notNull().default("trial"),
    // R-APP-3 status and the reason of its last change
    status: text("status", { enum: APP_STATUSES }).notNull().default("enabled"),
    statusReason: text("status_reason", { enum: STATUS_REASONS }).notNull().default("created"),
    statusChangedAt: ts("status_changed_at").notNull(),
    // End instant E of the current paid term; null for trial apps
    expiresAt: ts("expires_at"),
    autoRenew: boolean("auto_renew").notNull().default(false),
    // 不续费 (R-LIFE-2): the customer does not want to renew; auto-renew stays off and reminders stop
    dontRenew: boolean("dont_renew").notNull().default(false),
    // End of the `disabling` period after a plan refund (R-REF-4); the app is suspended then unless renewed
    disablingUntil: ts("disabling_until"),
    // When auto-renew last tried and failed for the current expiry (R-BUY-9 retries)
    renewAttemptAt: ts("renew_attempt_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("apps_account_status_idx").on(t.accountId, t.status)],
);

export const appStatusEvents = pgTable(
  "app_status_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    fromStatus: text("from_status", { enum: APP_STATUSES }),
    toStatus: text("to_status", { enum: APP_STATUSES }).notNull(),
    reason: text("reason", { enum: STATUS_REASONS }).notNull(),
    actor: text("actor").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("app_status_events_app_idx").on(t.appId, t.id)],
);
