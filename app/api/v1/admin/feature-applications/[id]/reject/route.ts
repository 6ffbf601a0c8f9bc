import { apiRoute, body } from "@/lib/auth/api";
import { rejectFeature } from "@/lib/services/features";
import { rejectFeatureSchema } from "@/lib/validation/features";
import { applicationIdOf, type ApplicationParams } from "../params";
import { adminApplicationJson } from "@/lib/wire";

export const POST = apiRoute<"admin:features", ApplicationParams>("admin:features", async ({ actor, req, params }) => {
  const id = applicationIdOf(params);
  const { reason } = await body(req, rejectFeatureSchema);
  const r = await rejectFeature(actor, id, reason);
  return adminApplicationJson(r);
});
