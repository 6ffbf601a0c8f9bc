import { consoleCsvRoute } from "@/lib/http/console-csv";
import { rangeLabel, refundsCsv } from "@/lib/services/exports";

export const GET = consoleCsvRoute("refunds:read", async (actor, range) => ({
  body: await refundsCsv(actor.accountId, range),
  filename: `refunds-${rangeLabel(range)}.csv`,
}));
