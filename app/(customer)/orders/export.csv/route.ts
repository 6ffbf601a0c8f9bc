import { consoleCsvRoute } from "@/lib/http/console-csv";
import { ordersCsv, rangeLabel } from "@/lib/services/exports";

export const GET = consoleCsvRoute("orders:read", async (actor, range) => ({
  body: await ordersCsv(actor.accountId, range),
  filename: `orders-${rangeLabel(range)}.csv`,
}));
