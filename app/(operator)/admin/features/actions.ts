"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { approveFeature, rejectFeature } from "@/lib/services/features";
import { applicationIdSchema, rejectFeatureSchema } from "@/lib/validation/features";
import { applicationJson } from "@/lib/wire";

const target = z.object({ id: applicationIdSchema });

/** R-FEAT-1: approved now, enabled exactly 48 hours later. */
export async function approveFeatureAction(input: unknown) {
  return runAction("admin:features", target, input, async (actor, { id }) => {
    const r = applicationJson(await approveFeature(actor, id));
    revalidateAccountPages();
    return r;
  });
}

export async function rejectFeatureAction(input: unknown) {
  return runAction("admin:features", target.extend(rejectFeatureSchema.shape), input, async (actor, { id, reason }) => {
    const r = applicationJson(await rejectFeature(actor, id, reason));
    revalidateAccountPages();
    return r;
  });
}
