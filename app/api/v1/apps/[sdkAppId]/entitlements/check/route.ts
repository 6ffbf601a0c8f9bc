import { apiRoute, body } from "@/lib/auth/api";
import { check } from "@/lib/billing/entitlements";
import { appEntitlements } from "@/lib/services/apps";
import { checkSchema } from "@/lib/validation/entitlements";
import { appIdOf, type AppParams } from "../../params";
import { checkJson } from "@/lib/wire";

/** R-PRICE-5: "may this app do X now?" with the IM backend's own error code when not. */
export const POST = apiRoute<"apps:read", AppParams>("apps:read", async ({ actor, req, params }) => {
  const sdkAppId = appIdOf(params);
  const input = await body(req, checkSchema);
  return checkJson(check(await appEntitlements(actor.accountId, sdkAppId), input.action, input.current, input.feature));
});
