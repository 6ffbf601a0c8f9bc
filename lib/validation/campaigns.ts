/** Promotion forms (R-PROMO-1, R-PROMO-3): the operator's campaign form and voucher form. */
import { z } from "zod";
import { shanghaiMidnight } from "@/lib/billing/calendar";
import { money } from "@/lib/money";
import { positiveMoney } from "./common";
import { MAX_YEAR, MIN_YEAR, text } from "./text";

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Instants a timestamptz column and the calendar rules accept: years 1970–9999. */
function inRange(d: Date): Date | null {
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  return y >= MIN_YEAR && y <= MAX_YEAR ? d : null;
}

/**
 * A form's date and time: "YYYY-MM-DDTHH:mm[:ss]" (an <input type="datetime-local">) read as
 * Shanghai wall time (R-TIME-1), or an ISO 8601 instant with an offset. Null when it is neither.
 */
export function parseInstantInput(raw: string): Date | null {
  const s = raw.trim();
  const local = LOCAL.exec(s);
  if (local) {
    const [h, m, sec] = [Number(local[2]), Number(local[3]), Number(local[4] ?? 0)];
    if (h > 23 || m > 59 || sec > 59) return null;
    try {
      return inRange(new Date(shanghaiMidnight(local[1]!).getTime() + ((h * 60 + m) * 60 + sec) * 1000));
    } catch {
      return null;
    }
  }
  if (!z.iso.datetime({ offset: true }).safeParse(s).success) return null;
  return inRange(new Date(s));
}

const instant = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .refine((s) => parseInstantInput(s) !== null, "must be a date and time")
  .transform((s) => parseInstantInput(s)!);

const optionalInstant = z
  .union([z.string(), z.null()], { error: "must be a date and time" })
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === null || s.trim() === "") return null;
    const d = parseInstantInput(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "must be a date and time" });
      return z.NEVER;
    }
    return d;
  });

const MONTHS = "must be a whole number of months from 1 to 24";
const months = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, MONTHS)], { error: MONTHS })
  .transform(Number)
  .pipe(z.number().int(MONTHS).min(1, MONTHS).max(24, MONTHS));

const flag = z.boolean({ error: "must be true or false" });

const RATE = /^\d+(\.\d{1,4})?$/;
const rate = z
  .string({ error: "must be a decimal between 0 and 1" })
  .trim()
  .min(1, "is required")
  .regex(RATE, "must be a decimal with at most 4 places")
  .refine((s) => !RATE.test(s) || (money(s).gt(0) && money(s).lt(1)), "must be greater than 0 and less than 1");

/** The campaign form and the campaigns API: the output is a CampaignInput of lib/services/campaigns. */
export const campaignSchema = z
  .object({
    name: text({ max: 64 }),
    editions: z
      .array(z.enum(["pro", "ultimate"], { error: "must be pro or ultimate" }), {
        error: "choose at least one edition",
      })
      .min(1, "choose at least one edition")
      .transform((e) => [...new Set(e)]),
    minMonths: months,
    maxMonths: months,
    appliesNew: flag,
    appliesRenewal: flag,
    rate,
    firstPurchaseOnly: flag,
    oncePerAccount: flag,
    refundable: flag,
    startsAt: instant,
    endsAt: optionalInstant,
  })
  .superRefine((c, ctx) => {
    if (c.minMonths > c.maxMonths)
      ctx.addIssue({ code: "custom", path: ["maxMonths"], message: "must not be less than the minimum months" });
    if (!c.appliesNew && !c.appliesRenewal)
      ctx.addIssue({ code: "custom", path: ["appliesNew"], message: "choose new purchases, renewals or both" });
    if (c.endsAt && c.endsAt <= c.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
  });

export type CampaignForm = z.input<typeof campaignSchema>;

/** The operator's voucher form: amounts as strings, the expiry as Shanghai wall time (or ISO). */
export const voucherFormSchema = z.object({
  accountId: z.uuid({ error: "choose an account" }),
  amount: z.string({ error: "is required" }).trim().min(1, "is required").pipe(positiveMoney),
  minTotal: z
    .string({ error: "must be a decimal with at most two places" })
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(positiveMoney.optional()),
  expiresAt: instant,
});
