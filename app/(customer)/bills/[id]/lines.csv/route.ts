import { currentUser, actorOf } from "@/lib/auth/session";
import { assertCan } from "@/lib/auth/permissions";
import { errorResponse } from "@/lib/auth/api";
import { DomainError } from "@/lib/errors";
import { billCsv, getBill } from "@/lib/services/bill-views";
import { parseInput } from "@/lib/validation/common";
import { billIdSchema } from "@/lib/validation/bills";

/** The console's CSV download (the signed-in user's session; the API route needs a key). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) throw new DomainError("unauthorized", "Sign in first.");
    const actor = actorOf(user);
    assertCan(actor, "bills:read");
    if (actor.kind !== "customer") throw new DomainError("forbidden", "Bills belong to customer accounts.");
    const { id } = parseInput(billIdSchema, await ctx.params);
    const bill = await getBill(actor.accountId, id);
    return new Response(billCsv(bill), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="bill-${bill.month}-${bill.billNo}.csv"`,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
