import { body, keyedApiRoute } from "@/lib/auth/api";
import { check } from "@/lib/billing/entitlements";
import { notFound } from "@/lib/errors";
import { appEntitlementsForKey } from "@/lib/services/apps";
import { checkSchema } from "@/lib/validation/entitlements";
import { appIdOf, type AppParams } from "../../params";
import { checkJson } from "@/lib/wire";

/**
 * R-PRICE-5: "may this app do X now?" with the IM backend's own error code when not. The IM backend asks
 * on every group creation: the key and the app's entitlements are read in one statement (issue 11).
 */
export const POST = keyedApiRoute("apps:read", {
  input: async (req, params: AppParams) => ({ sdkAppId: appIdOf(params), check: await body(req, checkSchema) }),
  read: (keyHash, input) => appEntitlementsForKey(keyHash, input.sdkAppId),
  answer: ({ input, data }) => {
    if (!data) throw notFound(`App ${input.sdkAppId}`);
    return checkJson(check(data, input.check.action, input.check.current, input.check.feature));
  },
});
