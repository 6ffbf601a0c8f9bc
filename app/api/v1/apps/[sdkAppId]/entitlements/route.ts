import { apiRoute } from "@/lib/auth/api";
import { appEntitlements } from "@/lib/services/apps";
import { appIdOf, type AppParams } from "../params";

/** R-PRICE-5: limits (−1 = unlimited) and features of the app now. */
export const GET = apiRoute<"apps:read", AppParams>("apps:read", async ({ actor, params }) =>
  appEntitlements(actor.accountId, appIdOf(params)),
);
