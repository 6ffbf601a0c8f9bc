/** Campaigns (R-PROMO-1): operator-editable rows; the two defaults are created by a migration. */
import "server-only";
import { campaignJson } from "@/lib/wire/promo";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns } from "@/db/schema";
import type { OperatorActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { invalidState, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignInput = {
  name: string;
  editions: ("pro" | "ultimate")[];
  minMonths: number;
  maxMonths: number;
  appliesNew: boolean;
  appliesRenewal: boolean;
  /** price multiplier as a decimal string, e.g. "0.75" */
  rate: string;
  firstPurchaseOnly: boolean;
  oncePerAccount: boolean;
  startsAt: Date;
  endsAt: Date | null;
  refundable: boolean;
};

export async function listCampaigns(): Promise<CampaignRow[]> {
  return db().select().from(campaigns).orderBy(asc(campaigns.createdAt), asc(campaigns.name));
}

export async function createCampaign(actor: OperatorActor, input: CampaignInput): Promise<CampaignRow> {
  return db().transaction(async (tx) => {
    const at = await now(tx);
    const [c] = await tx
      .insert(campaigns)
      .values({ ...input, createdAt: at, updatedAt: at })
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      action: "campaign.create",
      entityType: "campaign",
      entityId: c!.id,
      after: campaignJson(c!, at),
    });
    return c!;
  });
}

export async function updateCampaign(actor: OperatorActor, id: string, input: CampaignInput): Promise<CampaignRow> {
  return db().transaction(async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
    if (!before) throw notFound("Campaign");
    const at = await now(tx);
    const [c] = await tx
      .update(campaigns)
      .set({ ...input, updatedAt: at })
      .where(eq(campaigns.id, id))
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      action: "campaign.update",
      entityType: "campaign",
      entityId: id,
      before: campaignJson(before, at),
      after: campaignJson(c!, at),
    });
    return c!;
  });
}

/** Ends a campaign now; orders already priced by it keep their price. */
export async function endCampaign(actor: OperatorActor, id: string): Promise<CampaignRow> {
  return db().transaction(async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
    if (!before) throw notFound("Campaign");
    const at = await now(tx);
    if (before.endsAt && before.endsAt <= at) throw invalidState("This campaign has already ended.");
    const [c] = await tx.update(campaigns).set({ endsAt: at, updatedAt: at }).where(eq(campaigns.id, id)).returning();
    await writeAudit(tx, {
      actor,
      at,
      action: "campaign.end",
      entityType: "campaign",
      entityId: id,
      before: { endsAt: before.endsAt?.toISOString() ?? null },
      after: { endsAt: at.toISOString() },
    });
    return c!;
  });
}
