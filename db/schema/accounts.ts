import { bigserial, boolean, index, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  verified: boolean("verified").notNull().default(false),
  verifiedAt: ts("verified_at"),
  // Cached balance parts; always equal to the sums of ledger_entries (R-MONEY-2), updated in the same transaction.
  cash: numeric("cash", { precision: 14, scale: 2 }).notNull().default("0"),
  gift: numeric("gift", { precision: 14, scale: 2 }).notNull().default("0"),
  // When the account used its once-ever five-day refund (R-REF-1); null while unused.
  fiveDayRefundAt: ts("five_day_refund_at"),
  createdAt: ts("created_at").notNull(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    // operator | customer
    kind: text("kind", { enum: ["operator", "customer"] }).notNull(),
    accountId: uuid("account_id").references(() => accounts.id),
    // owner | member, customers only (R-ACC-1)
    accountRole: text("account_role", { enum: ["owner", "member"] }),
    createdAt: ts("created_at").notNull(),
    removedAt: ts("removed_at"),
  },
  (t) => [index("users_account_idx").on(t.accountId)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // account: acts with the account owner's rights; operator: platform staff
    kind: text("kind", { enum: ["account", "operator"] }).notNull(),
    accountId: uuid("account_id").references(() => accounts.id),
    createdBy: uuid("created_by").references(() => users.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdAt: ts("created_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("api_keys_account_idx").on(t.accountId)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("login_attempts_email_at_idx").on(t.email, t.at)],
);

/**
 * Login throttling, one row per e-mail ("email:<address>") and per client address ("ip:<address>").
 * An attempt is counted under the row lock before its password is checked, so concurrent guesses
 * cannot exceed the limit; a success clears the e-mail's count (lib/services/login.ts).
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  // failed (or still running) attempts since the count was last reset
  failures: integer("failures").notNull().default(0),
  lastFailureAt: ts("last_failure_at"),
  // attempts before this instant are refused with 429 and Retry-After
  lockedUntil: ts("locked_until"),
});
