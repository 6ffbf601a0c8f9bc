import { date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apps } from "./apps";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** R-USE-1: a user counts once per app per Shanghai day, at their first login that day. */
export const dailyActiveUsers = pgTable(
  "daily_active_users",
  {
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    // Shanghai day
    day: date("day", { mode: "string" }).notNull(),
    userId: text("user_id").notNull(),
    firstLoginAt: ts("first_login_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.day, t.userId] })],
);

/** R-USE-2: the backend's daily figures per app; repeated reports keep the maximum of each. */
export const usageDaily = pgTable(
  "usage_daily",
  {
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id),
    day: date("day", { mode: "string" }).notNull(),
    groups: integer("groups").notNull().default(0),
    liveGroups: integer("live_groups").notNull().default(0),
    // the day's peak barrage bandwidth, Mbps
    bandwidthDomestic: numeric("bandwidth_domestic", { precision: 14, scale: 3 }).notNull().default("0"),
    bandwidthInternational: numeric("bandwidth_international", { precision: 14, scale: 3 }).notNull().default("0"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.day] }), index("usage_daily_day_idx").on(t.day)],
);
