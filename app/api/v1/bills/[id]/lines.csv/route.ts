import { apiRoute } from "@/lib/auth/api";
import { billCsv, getBill } from "@/lib/services/bill-views";
import { parseInput } from "@/lib/validation/common";
import { billIdSchema } from "@/lib/validation/bills";

/** GET /bills/{id}/lines.csv → text/csv, one row per line with a header row. */
export const GET = apiRoute<"bills:read", { id: string }>("bills:read", async ({ actor, params }) => {
  const { id } = parseInput(billIdSchema, params);
  const bill = await getBill(actor.accountId, id);
  return new Response(billCsv(bill), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bill-${bill.month}-${bill.billNo}.csv"`,
    },
  });
});
