"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { issuesToFields } from "@/lib/validation/common";

// In the browser zod must not probe `new Function` (its JIT check): the page's CSP forbids eval and
// reports the attempt as a violation. The server keeps zod's default.
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * Checks a form's input with the server's own zod schema before a confirmation is shown, so a
 * dialog never asks to confirm an amount the server will refuse. Reasons in the reader's language.
 */
export function useValidate() {
  const tv = useTranslations("validation");
  return <S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; fields: FieldErrors } => {
    const r = schema.safeParse(input);
    if (r.success) return { ok: true, data: r.data };
    const raw = issuesToFields(r.error);
    return { ok: false, fields: Object.fromEntries(Object.entries(raw).map(([f, m]) => [f, tv.has(m) ? tv(m) : m])) };
  };
}
