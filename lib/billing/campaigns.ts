/** Campaigns (R-PROMO-1, R-PROMO-2): which one, if any, prices a plan line. Pure. */
import { roundCents, type Money } from "@/lib/money";

export type CampaignRule = {
  id: string;
  code: string | null;
  name: string;
  editions: string[];
  minMonths: number;
  maxMonths: number;
  appliesNew: boolean;
  appliesRenewal: boolean;
  /** price multiplier: 0.10 is 1折 (pay 10% of list) */
  rate: Money;
  firstPurchaseOnly: boolean;
  oncePerAccount: boolean;
  startsAt: Date;
  endsAt: Date | null;
  refundable: boolean;
};

export type CampaignBuyer = {
  verified: boolean;
  role: "owner" | "member";
  hasEarlierOrder: boolean;
  usedCampaignIds: string[];
};
export type CampaignLine = { edition: string; months: Money; kind: "new" | "renewal"; listAmount: Money };

export function isCampaignRunning(c: Pick<CampaignRule, "startsAt" | "endsAt">, now: Date): boolean {
  return c.startsAt <= now && (c.endsAt === null || now < c.endsAt);
}

export function campaignApplies(c: CampaignRule, line: CampaignLine, buyer: CampaignBuyer, now: Date): boolean {
  if (!buyer.verified || buyer.role !== "owner") return false;
  if (!isCampaignRunning(c, now)) return false;
  if (!c.editions.includes(line.edition)) return false;
  if (!line.months.isInteger() || line.months.lt(c.minMonths) || line.months.gt(c.maxMonths)) return false;
  if (line.kind === "new" ? !c.appliesNew : !c.appliesRenewal) return false;
  if (c.firstPurchaseOnly && buyer.hasEarlierOrder) return false;
  if (c.oncePerAccount && buyer.usedCampaignIds.includes(c.id)) return false;
  return true;
}

/** R-PROMO-2: at most one campaign per line, the cheapest for the customer (ties: the refundable one). */
export function bestCampaign(
  campaigns: readonly CampaignRule[],
  line: CampaignLine,
  buyer: CampaignBuyer,
  now: Date,
): { campaign: CampaignRule; amount: Money } | null {
  let best: { campaign: CampaignRule; amount: Money } | null = null;
  for (const c of campaigns) {
    if (!campaignApplies(c, line, buyer, now)) continue;
    const amount = roundCents(line.listAmount.times(c.rate));
    if (amount.gte(line.listAmount)) continue;
    if (!best || amount.lt(best.amount) || (amount.eq(best.amount) && c.refundable && !best.campaign.refundable))
      best = { campaign: c, amount };
  }
  return best;
}
