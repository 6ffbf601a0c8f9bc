import { consoleCsvRoute } from "@/lib/http/console-csv";
import { ledgerCsv, rangeLabel } from "@/lib/services/exports";

export const GET = consoleCsvRoute("account:read", async (actor, range) => ({
  body: await ledgerCsv(actor.accountId, range),
  filename: `ledger-${rangeLabel(range)}.csv`,
}));
