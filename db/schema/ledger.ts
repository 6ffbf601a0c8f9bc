import { bigserial, index, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

// Append-only (a trigger refuses UPDATE and DELETE). Balance = Σ deltas (R-MONEY-2).
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    // topup (cash) | grant (gift) | purchase | refund | bill ...
    kind: text("kind").notNull(),
    cashDelta: money("cash_delta").notNull(),
    giftDelta: money("gift_delta").notNull(),
    // balance parts right after this row
    cashAfter: money("cash_after").notNull(),
    giftAfter: money("gift_after").notNull(),
    refType: text("ref_type"),
    refId: text("ref_id"),
    note: text("note"),
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("ledger_account_idx").on(t.accountId, t.id)],
);
