import { apiRoute, body } from "@/lib/auth/api";
import { oneAppJson, setAutoRenew } from "@/lib/services/apps";
import { autoRenewSchema } from "@/lib/validation/apps";
import { appIdOf, type AppParams } from "../params";

export const PUT = apiRoute<"apps:write", AppParams>("apps:write", async ({ actor, req, params }) => {
  const sdkAppId = appIdOf(params);
  const { enabled } = await body(req, autoRenewSchema);
  return oneAppJson(await setAutoRenew(actor, sdkAppId, enabled));
});
