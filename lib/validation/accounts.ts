import { z } from "zod";
import { positiveMoney } from "./common";

export const emailSchema = z.string({ error: "is required" }).trim().toLowerCase().pipe(z.email({ error: "must be an email address" }));
export const passwordSchema = z
  .string({ error: "is required" })
  .min(8, "must be at least 8 characters")
  .max(128, "must be at most 128 characters");

export const createAccountSchema = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  ownerEmail: emailSchema,
  ownerPassword: passwordSchema,
});

export const topUpSchema = z
  .object({
    cash: positiveMoney.optional(),
    gift: positiveMoney.optional(),
    note: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
  })
  .refine((v) => v.cash !== undefined || v.gift !== undefined, { message: "give a cash or a gift amount", path: ["cash"] });

export const addMemberSchema = z.object({
  email: emailSchema,
  name: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  password: passwordSchema,
});

export const apiKeyNameSchema = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
});

export const clockSchema = z.union([
  z.object({ advanceSeconds: z.number({ error: "must be a whole number of seconds" }).int("must be a whole number").positive("must be greater than 0").max(10 * 366 * 86400, "must be at most 10 years") }).strict(),
  z.object({ to: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant with offset" }) }).strict(),
], { error: "give advanceSeconds or to" });
