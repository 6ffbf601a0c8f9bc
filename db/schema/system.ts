import { bigint, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

// The one test clock of the installation (R-TIME-3); unused in production mode.
export const clockState = pgTable(
  "clock_state",
  {
    id: integer("id").primaryKey().default(1),
    testNow: timestamp("test_now", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [check("clock_state_singleton", sql`${t.id} = 1`)],
);

// Production scheduler: how far the wall clock's due events have run (R-LIFE-7 catch-up after downtime).
// One row per scheduler ("main" in production; tests use their own key).
export const schedulerState = pgTable("scheduler_state", {
  id: text("id").primaryKey(),
  processedUntil: timestamp("processed_until", { withTimezone: true, mode: "date" }).notNull(),
});

// Issue 11: the campaigns' version, moved on by a trigger whenever the campaigns table changes (migration
// 0012). A quote or an order reads it with its other facts and prices from the campaigns this process last
// read at that version (lib/services/campaign-cache.ts), instead of reading every campaign each time.
export const catalogVersion = pgTable(
  "catalog_version",
  {
    id: integer("id").primaryKey().default(1),
    campaigns: bigint("campaigns", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("catalog_version_singleton", sql`${t.id} = 1`)],
);
