import { apiRoute, body } from "@/lib/auth/api";
import { recordDaily } from "@/lib/services/usage";
import { dailySchema } from "@/lib/validation/usage";

/** R-USE-2: daily groups, live groups and peak bandwidth per app (account key). */
export const POST = apiRoute("usage:write", async ({ actor, req }) => ({
  accepted: await recordDaily(actor, (await body(req, dailySchema)).records),
}));
