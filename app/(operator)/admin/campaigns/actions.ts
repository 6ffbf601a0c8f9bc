"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { createCampaign, endCampaign, updateCampaign } from "@/lib/services/campaigns";
import { campaignSchema } from "@/lib/validation/campaigns";

const target = z.object({ id: z.uuid({ error: "must be a campaign id" }) });

export async function createCampaignAction(input: unknown) {
  return runAction("admin:campaigns", campaignSchema, input, async (actor, data) => {
    const c = await createCampaign(actor, data);
    revalidateAccountPages();
    return { id: c.id, name: c.name };
  });
}

export async function updateCampaignAction(input: unknown) {
  return runAction("admin:campaigns", z.intersection(target, campaignSchema), input, async (actor, { id, ...data }) => {
    const c = await updateCampaign(actor, id, data);
    revalidateAccountPages();
    return { id: c.id, name: c.name };
  });
}

/** Ends a campaign now (R-PROMO-1); orders it already priced keep their price. */
export async function endCampaignAction(input: unknown) {
  return runAction("admin:campaigns", target, input, async (actor, { id }) => {
    const c = await endCampaign(actor, id);
    revalidateAccountPages();
    return { id: c.id, name: c.name };
  });
}
