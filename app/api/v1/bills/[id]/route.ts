import { apiRoute } from "@/lib/auth/api";
import { getBill } from "@/lib/services/bill-views";
import { parseInput } from "@/lib/validation/common";
import { billIdSchema } from "@/lib/validation/bills";

/** GET /bills/{id} → bill; another account's bill is 404. */
export const GET = apiRoute<"bills:read", { id: string }>("bills:read", async ({ actor, params }) => {
  const { id } = parseInput(billIdSchema, params);
  return getBill(actor.accountId, id);
});
