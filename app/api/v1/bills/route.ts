import { apiRoute } from "@/lib/auth/api";
import { listBills } from "@/lib/services/bill-views";
import { parseInput } from "@/lib/validation/common";
import { billListSchema } from "@/lib/validation/bills";

/** GET /bills?month=YYYY-MM → {bills: [bill]}, newest month first. */
export const GET = apiRoute("bills:read", async ({ actor, req }) => {
  const { month } = parseInput(billListSchema, Object.fromEntries(new URL(req.url).searchParams));
  return { bills: await listBills(actor.accountId, month) };
});
