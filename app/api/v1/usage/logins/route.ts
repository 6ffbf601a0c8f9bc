import { apiRoute, body } from "@/lib/auth/api";
import { recordLogins } from "@/lib/services/usage";
import { loginsSchema } from "@/lib/validation/usage";

/** R-USE-1: login events from the IM backend (account key). */
export const POST = apiRoute("usage:write", async ({ actor, req }) => ({
  accepted: await recordLogins(actor, (await body(req, loginsSchema)).events),
}));
