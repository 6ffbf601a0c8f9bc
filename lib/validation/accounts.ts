import { z } from "zod";
import { positiveMoney } from "./common";
import { text } from "./text";

export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .max(254, "must be at most 254 characters")
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }));
export const passwordSchema = z
  .string({ error: "is required" })
  .min(8, "must be at least 8 characters")
  .max(128, "must be at most 128 characters");

export const createAccountSchema = z.object({
  name: text({ max: 100 }),
  ownerEmail: emailSchema,
  ownerPassword: passwordSchema,
});

export const topUpSchema = z
  .object({
    cash: positiveMoney.optional(),
    gift: positiveMoney.optional(),
    note: text({ max: 500, multiline: true }),
  })
  .refine((v) => v.cash !== undefined || v.gift !== undefined, {
    message: "give a cash or a gift amount",
    path: ["cash"],
  });

export const addMemberSchema = z.object({
  email: emailSchema,
  name: text({ max: 100 }),
  password: passwordSchema,
});

/** GET /admin/accounts?q= */
export const accountSearchSchema = z.object({ q: text({ max: 254, min: 0 }).optional() });

export const apiKeyNameSchema = z.object({
  name: text({ max: 64 }),
});
