import { check, integer, pgTable, timestamp } from "drizzle-orm/pg-core";
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
