import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Append-only (a trigger refuses UPDATE and DELETE), R-ACC-4.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    // "operator:<userId>", "user:<userId>", "key:<keyId>", "system"
    actor: text("actor").notNull(),
    accountId: uuid("account_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_account_idx").on(t.accountId, t.id), index("audit_at_idx").on(t.at)],
);
