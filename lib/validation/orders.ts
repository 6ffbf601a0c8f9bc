import { z } from "zod";
import { sdkAppIdInput } from "./apps";
import { currentPriceBook, isPackName, knownTiers, PACK_NAMES, type PackName } from "@/lib/billing/price-book";
import type { OrderRequest } from "@/lib/billing/quote";
import { positiveMoney } from "./common";
import { isoInstant, unstorableReason } from "./text";

const months = z
  .number({ error: "must be a whole number of months from 1 to 24" })
  .int("must be a whole number of months from 1 to 24")
  .min(1, "must be a whole number of months from 1 to 24")
  .max(24, "must be a whole number of months from 1 to 24");

const agreeSla = z.literal(true, { error: "you must agree to the service-level agreement (agreeSla: true)" });
const voucherId = z.uuid({ error: "must be a voucher id" }).optional();
const edition = z.enum(["pro", "ultimate"], { error: 'must be "pro" or "ultimate"' });
const appId = sdkAppIdInput;

const packName = z
  .string({ error: "must be a pack name" })
  .refine(isPackName, `must be one of ${PACK_NAMES.join(", ")}`);

const packChoice = z
  .object({
    pack: packName,
    tier: z.string({ error: "must be a string" }).nullish(),
  })
  .superRefine((p, ctx) => {
    if (!isPackName(p.pack)) return;
    const tiers = knownTiers(currentPriceBook(), p.pack);
    const hasTiers = tiers.some((t) => t !== null);
    if (!hasTiers && p.tier != null)
      ctx.addIssue({ code: "custom", path: ["tier"], message: `${p.pack} has no tiers` });
    if (hasTiers && p.tier != null && !tiers.includes(p.tier))
      ctx.addIssue({ code: "custom", path: ["tier"], message: `must be one of ${tiers.filter(Boolean).join(", ")}` });
  })
  .transform((p) => ({ pack: p.pack as PackName, tier: p.tier ?? null }));

const planOrder = z.object({
  type: z.literal("plan"),
  sdkAppId: appId,
  edition,
  months,
  packs: z.array(packChoice).max(PACK_NAMES.length).default([]),
  autoRenew: z.boolean({ error: "must be true or false" }).optional(),
  voucherId,
  agreeSla,
});

const packOrder = z
  .object({
    type: z.literal("pack"),
    sdkAppId: appId,
    pack: packName,
    tier: z.string({ error: "must be a string" }).nullish(),
    voucherId,
    agreeSla,
  })
  .superRefine((o, ctx) => {
    const r = packChoice.safeParse({ pack: o.pack, tier: o.tier });
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
  })
  .transform((o) => ({ ...o, pack: o.pack as PackName, tier: o.tier ?? null }));

/** Several apps of one order (renewal, common expiry day): 1–100, each once. */
const appList = z
  .array(appId, { error: "must be a list of SDKAppIDs" })
  .min(1, "must name at least one app")
  .max(100, "must name at most 100 apps")
  .refine((ids) => new Set(ids).size === ids.length, "must not name an app twice");

const renewalOrder = z.object({
  type: z.literal("renewal"),
  sdkAppIds: appList,
  months,
  voucherId,
  agreeSla,
});

const alignOrder = z.object({
  type: z.literal("align"),
  sdkAppIds: appList,
  day: z
    .number({ error: "must be a day of the month from 1 to 31" })
    .int("must be a day of the month from 1 to 31")
    .min(1, "must be a day of the month from 1 to 31")
    .max(31, "must be a day of the month from 1 to 31"),
  voucherId,
  agreeSla,
});

const changeOrder = z.object({
  type: z.literal("change"),
  sdkAppId: appId,
  edition,
  months,
  packs: z.array(packChoice).max(PACK_NAMES.length).default([]),
  agreeSla,
});

/** One schema for the purchase form and POST /quotes and /orders. */
export const orderSchema = z.discriminatedUnion("type", [planOrder, packOrder, renewalOrder, alignOrder, changeOrder], {
  error: "type must be one of plan, pack, renewal, align, change",
});
/** An order body as the form and the API send it (API.md "Order bodies"). */
export type OrderBody = z.input<typeof orderSchema>;
/** What the schema makes of it: lib/billing's OrderRequest, checked both ways below (no cast can hide a drift). */
export type ParsedOrder = z.output<typeof orderSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const orderSchemaMatchesOrderRequest: Same<ParsedOrder, OrderRequest> = true;

export const idempotencyKeySchema = z
  .string({ error: "the Idempotency-Key header is required" })
  .trim()
  .min(8, "must be 8 to 200 characters")
  .max(200, "must be 8 to 200 characters")
  .refine((s) => unstorableReason(s) === null, "must be printable text");

export const idempotencyHeaderSchema = z.object({ "Idempotency-Key": idempotencyKeySchema });

export const voucherIssueSchema = z.object({
  accountId: z.uuid({ error: "must be an account id" }),
  amount: positiveMoney,
  minTotal: positiveMoney.optional(),
  expiresAt: isoInstant,
});
