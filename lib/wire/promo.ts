/** Vouchers (R-PROMO-3) and campaigns (R-PROMO-1) as the API and the console's tables get them. */
import { z } from "zod";
import type { campaigns, vouchers } from "@/db/schema/orders";
import { isCampaignRunning } from "@/lib/billing/campaigns";
import { id, instant, iso, isoOrNull, moneyString } from "./common";

export const VOUCHER_STATES = ["available", "used", "expired"] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];
type VoucherRow = typeof vouchers.$inferSelect;

export function voucherState(v: Pick<VoucherRow, "usedAt" | "expiresAt">, at: Date): VoucherState {
  if (v.usedAt) return "used";
  return v.expiresAt <= at ? "expired" : "available";
}

export const voucherJsonSchema = z
  .object({
    id,
    accountId: id,
    amount: moneyString,
    minTotal: moneyString.nullable(),
    expiresAt: instant,
    issuedAt: instant,
    state: z.enum(VOUCHER_STATES),
    usedOrderId: id.nullable(),
    usedOrderNo: z.string().nullable(),
    usedAt: instant.nullable(),
    usedAmount: moneyString.nullable(),
  })
  .meta({ id: "Voucher" });
export type VoucherJson = z.infer<typeof voucherJsonSchema>;

/** `state` as of `at` (the clock of the caller). */
export function voucherJson(v: VoucherRow & { usedOrderNo?: string | null }, at: Date): VoucherJson {
  return {
    id: v.id,
    accountId: v.accountId,
    amount: v.amount,
    minTotal: v.minTotal,
    expiresAt: iso(v.expiresAt),
    issuedAt: iso(v.issuedAt),
    state: voucherState(v, at),
    usedOrderId: v.usedOrderId,
    usedOrderNo: v.usedOrderNo ?? null,
    usedAt: isoOrNull(v.usedAt),
    usedAmount: v.usedAmount,
  };
}

export const campaignJsonSchema = z
  .object({
    id,
    code: z.string().nullable(),
    name: z.string(),
    editions: z.array(z.string()),
    minMonths: z.number().int(),
    maxMonths: z.number().int(),
    appliesNew: z.boolean(),
    appliesRenewal: z.boolean(),
    // price multiplier as a decimal string, e.g. "0.7500"
    rate: z.string(),
    firstPurchaseOnly: z.boolean(),
    oncePerAccount: z.boolean(),
    startsAt: instant,
    endsAt: instant.nullable(),
    refundable: z.boolean(),
    running: z.boolean(),
  })
  .meta({ id: "Campaign" });
export type CampaignJson = z.infer<typeof campaignJsonSchema>;

export function campaignJson(c: typeof campaigns.$inferSelect, at: Date): CampaignJson {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    editions: c.editions,
    minMonths: c.minMonths,
    maxMonths: c.maxMonths,
    appliesNew: c.appliesNew,
    appliesRenewal: c.appliesRenewal,
    rate: c.rate,
    firstPurchaseOnly: c.firstPurchaseOnly,
    oncePerAccount: c.oncePerAccount,
    startsAt: iso(c.startsAt),
    endsAt: isoOrNull(c.endsAt),
    refundable: c.refundable,
    running: isCampaignRunning(c, at),
  };
}
