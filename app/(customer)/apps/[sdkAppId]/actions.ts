"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { applyFeature } from "@/lib/services/features";
import { sdkAppIdSchema } from "@/lib/validation/apps";
import { applyFeatureSchema } from "@/lib/validation/features";
import { applicationJson } from "@/lib/wire";

const input = z.object({ sdkAppId: sdkAppIdSchema }).extend(applyFeatureSchema.shape);

/** R-FEAT-1: the owner applies for broadcast or communities (same service and schema as the API). */
export async function applyFeatureAction(data: unknown) {
  return runAction("features:write", input, data, async (actor, { sdkAppId, feature }) => {
    const a = applicationJson(await applyFeature(actor, sdkAppId, feature));
    revalidateAccountPages();
    return a;
  });
}
