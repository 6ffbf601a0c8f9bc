import { z } from "zod";
import { errorResponse } from "@/lib/auth/api";
import { csvResponse, sessionCustomer } from "@/lib/http/console-csv";
import { receiptCsv } from "@/lib/services/exports";
import { getOrder } from "@/lib/services/purchase";
import { parseInput } from "@/lib/validation/common";
import { orderJson } from "@/lib/wire";

const idSchema = z.object({ id: z.uuid("must be an order id") });

/** One receipt as CSV (the signed-in customer's own order). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await sessionCustomer("orders:read");
    const { id } = parseInput(idSchema, await ctx.params);
    const order = orderJson(await getOrder(actor.accountId, id));
    return csvResponse(receiptCsv(order), `receipt-${order.orderNo}.csv`);
  } catch (e) {
    return errorResponse(e);
  }
}
