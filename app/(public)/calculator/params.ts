import { z } from "zod";
import type { CalculatorInput } from "@/lib/billing/calculator";

export type CalcField = keyof CalculatorInput;

/**
 * The form's fields in display order, with their bounds and first-visit defaults (search-param names = field names).
 */
export const CALC_FIELDS: readonly { name: CalcField; min: number; max: number; initial: number }[] = [
  { name: "dau", min: 0, max: 100_000_000, initial: 5_000 },
  { name: "peakGroups", min: 0, max: 1_000_000_000, initial: 50_000 },
  { name: "liveGroups", min: 0, max: 1_000_000, initial: 10 },
  { name: "historyDays", min: 0, max: 3_650, initial: 7 },
  { name: "bandwidthDomesticMbps", min: 0, max: 1_000_000, initial: 0 },
  { name: "bandwidthInternationalMbps", min: 0, max: 1_000_000, initial: 0 },
  { name: "months", min: 1, max: 24, initial: 1 },
];

export type FieldError = { code: "required" | "integer" | "range"; min: number; max: number };

export type ParsedParams =
  | { kind: "ok"; input: CalculatorInput; values: Record<CalcField, string> }
  | { kind: "invalid"; errors: Partial<Record<CalcField, FieldError>>; values: Record<CalcField, string> };

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d+$/, "integer")
    .transform(Number)
    .pipe(z.number().min(min, "range").max(max, "range"));

const schema = z.object(
  Object.fromEntries(CALC_FIELDS.map((f) => [f.name, wholeNumber(f.min, f.max)])) as Record<
    CalcField,
    ReturnType<typeof wholeNumber>
  >,
);

type SearchParams = Record<string, string | string[] | undefined>;

/** The search params of a GET submit; a field left out of the URL takes its default, a bad one gets a field error. */
export function parseCalculatorParams(params: SearchParams): ParsedParams {
  const values = Object.fromEntries(
    CALC_FIELDS.map((f) => {
      const raw = params[f.name];
      const first = Array.isArray(raw) ? raw[0] : raw;
      return [f.name, first ?? String(f.initial)];
    }),
  ) as Record<CalcField, string>;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { kind: "ok", input: parsed.data, values };
  const errors: Partial<Record<CalcField, FieldError>> = {};
  for (const issue of parsed.error.issues) {
    const field = CALC_FIELDS.find((f) => f.name === issue.path[0]);
    if (!field || errors[field.name]) continue;
    const code = issue.message === "required" || issue.message === "range" ? issue.message : "integer";
    errors[field.name] = { code, min: field.min, max: field.max };
  }
  return { kind: "invalid", errors, values };
}
