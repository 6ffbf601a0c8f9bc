import { z } from "zod";
import { parseMoneyInput } from "@/lib/money";
import { validationFailed, type FieldErrors } from "@/lib/errors";
import { unstorableFields } from "./text";

/** A positive money amount given as a string with at most two decimals (API.md). */
export const positiveMoney = z
  .string({ error: 'must be a string such as "100.00"' })
  .refine((s) => parseMoneyInput(s) !== null, "must be a decimal with at most two places")
  .refine((s) => parseMoneyInput(s)?.gt(0) ?? true, "must be greater than 0");

export function issuesToFields(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses input with a schema or throws a 400 `validation_failed` naming each field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const unstorable = unstorableFields(input);
  if (Object.keys(unstorable).length) throw validationFailed(unstorable);
  const r = schema.safeParse(input);
  if (!r.success) throw validationFailed(issuesToFields(r.error));
  return r.data;
}
