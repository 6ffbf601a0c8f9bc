import { z } from "zod";
import { DELIVERY_STATUSES, NOTIFICATION_KINDS } from "@/db/schema/notifications";
import { positiveMoney } from "./common";
import { text } from "./text";

/** Mainland mobile (11 digits starting 1[3-9]) or E.164 (+ and 8–15 digits). */
export const PHONE_RE = /^(?:1[3-9]\d{9}|\+[1-9]\d{7,14})$/;
export const MAX_RECIPIENTS = 20;

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const kindSchema = z.enum(NOTIFICATION_KINDS, { error: `must be one of ${NOTIFICATION_KINDS.join(", ")}` });

export const recipientSchema = z
  .object({
    name: text({ max: 64 }),
    email: z.preprocess(
      blankToUndefined,
      z
        .string({ error: "must be a string" })
        .trim()
        .toLowerCase()
        .max(254, "must be at most 254 characters")
        .pipe(z.email({ error: "must be an email address" }))
        .optional(),
    ),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string({ error: "must be a string" })
        .trim()
        .regex(PHONE_RE, "must be a mainland mobile number (11 digits) or +country number")
        .optional(),
    ),
    kinds: z
      .array(kindSchema, { error: "must be a list of notification kinds" })
      .min(1, "choose at least one kind")
      .transform((ks) => [...new Set(ks)]),
  })
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    message: "give an email or a phone number",
    path: ["email"],
  });

export type RecipientInput = z.infer<typeof recipientSchema>;

export const balanceAlertSchema = z.object({
  // a money string such as "100.00", or null to turn the alert off
  threshold: positiveMoney.nullable(),
});

export const inboxQuerySchema = z.object({
  unread: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  kind: kindSchema.optional(),
});

export const deliveryQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES, { error: `must be one of ${DELIVERY_STATUSES.join(", ")}` }).optional(),
});
