import { apiRoute } from "@/lib/auth/api";
import { appEntitlements } from "@/lib/services/apps";
import { appIdOf, type AppParams } from "../params";
import { entitlementsJson } from "@/lib/wire";

/** R-PRICE-5: limits (−1 = unlimited) and features of the app now. */
export const GET = apiRoute<"apps:read", AppParams>("apps:read", async ({ actor, params }) =>
  entitlementsJson(await appEntitlements(actor.accountId, appIdOf(params))),
);
