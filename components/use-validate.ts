"use client";

import { useTranslations } from "next-intl";
import "@/lib/validation/jitless";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { issuesToFields } from "@/lib/validation/common";

/**
 * Checks a form's input with the server's own zod schema before a confirmation is shown, so a
 * dialog never asks to confirm an amount the server will refuse. Reasons in the reader's language.
 */
export function useValidate() {
  const tv = useTranslations("validation");
  return <S extends z.ZodType>(
    schema: S,
    input: unknown,
  ): { ok: true; data: z.infer<S> } | { ok: false; fields: FieldErrors } => {
    const r = schema.safeParse(input);
    if (r.success) return { ok: true, data: r.data };
    const raw = issuesToFields(r.error);
    return { ok: false, fields: Object.fromEntries(Object.entries(raw).map(([f, m]) => [f, tv.has(m) ? tv(m) : m])) };
  };
}
