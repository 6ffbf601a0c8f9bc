import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { apps } from "./apps";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** R-FEAT-1: the features an ultimate app applies for (全员推送, 社群). */
export const APPLIED_FEATURES = ["broadcast", "communities"] as const;
export const FEATURE_APPLICATION_STATUSES = ["pending", "approved", "rejected", "enabled", "stopped"] as const;
/** Why an application stopped (or was closed while pending). */
export const FEATURE_STOP_REASONS = ["left_ultimate", "refunded", "term_ended", "reclaimed", "deleted"] as const;

/**
 * One application of an app for one feature (SPEC §9); at most one open (pending/approved/enabled) per app and feature.
 */
export const featureApplications = pgTable(
  "feature_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    sdkAppId: bigint("sdk_app_id", { mode: "number" }).notNull(),
    feature: text("feature", { enum: APPLIED_FEATURES }).notNull(),
    // pending → approved (enabled at enableAt) → enabled → stopped; pending → rejected; open → stopped
    status: text("status", { enum: FEATURE_APPLICATION_STATUSES }).notNull(),
    appliedBy: text("applied_by").notNull(),
    appliedAt: ts("applied_at").notNull(),
    // the operator's decision
    decidedAt: ts("decided_at"),
    decidedBy: text("decided_by"),
    // the operator's reason for a rejection
    reason: text("reason"),
    // approval + 48 h exactly (R-FEAT-1)
    enableAt: ts("enable_at"),
    enabledAt: ts("enabled_at"),
    stoppedAt: ts("stopped_at"),
    stopReason: text("stop_reason", { enum: FEATURE_STOP_REASONS }),
  },
  (t) => [
    uniqueIndex("feature_applications_one_open")
      .on(t.appId, t.feature)
      .where(sql`status in ('pending', 'approved', 'enabled')`),
    index("feature_applications_status_idx").on(t.status, t.appliedAt),
    index("feature_applications_account_idx").on(t.accountId, t.appliedAt),
  ],
);
