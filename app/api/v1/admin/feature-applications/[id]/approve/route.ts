import { apiRoute } from "@/lib/auth/api";
import { approveFeature } from "@/lib/services/features";
import { applicationIdOf, type ApplicationParams } from "../params";
import { adminApplicationJson } from "@/lib/wire";

/** R-FEAT-1: approved now, enabled exactly 48 hours later. */
export const POST = apiRoute<"admin:features", ApplicationParams>("admin:features", async ({ actor, params }) => {
  const r = await approveFeature(actor, applicationIdOf(params));
  return adminApplicationJson(r);
});
