import { apiRoute } from "@/lib/auth/api";
import { applicationJson, approveFeature } from "@/lib/services/features";
import { applicationIdOf, type ApplicationParams } from "../params";

/** R-FEAT-1: approved now, enabled exactly 48 hours later. */
export const POST = apiRoute<"admin:features", ApplicationParams>("admin:features", async ({ actor, params }) => {
  const r = await approveFeature(actor, applicationIdOf(params));
  return { ...applicationJson(r), accountId: r.accountId };
});
