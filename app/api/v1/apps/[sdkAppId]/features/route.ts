import { apiRoute, body, created } from "@/lib/auth/api";
import { applyFeature, listAppApplications } from "@/lib/services/features";
import { applyFeatureSchema } from "@/lib/validation/features";
import { appIdOf, type AppParams } from "../params";
import { applicationJson } from "@/lib/wire";

/** R-FEAT-1: the owner of an ultimate app applies for broadcast or communities. */
export const POST = apiRoute<"features:write", AppParams>("features:write", async ({ actor, req, params }) => {
  const sdkAppId = appIdOf(params);
  const { feature } = await body(req, applyFeatureSchema);
  return created(applicationJson(await applyFeature(actor, sdkAppId, feature)));
});

export const GET = apiRoute<"apps:read", AppParams>("apps:read", async ({ actor, params }) => ({
  applications: (await listAppApplications(actor.accountId, appIdOf(params))).map(applicationJson),
}));
