"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/errors";

/**
 * Field reasons of the promotion forms. runAction already translates the shared ones (the
 * "validation" namespace); the reasons only these forms give are translated here.
 */
export function useFieldReasons() {
  const t = useTranslations("campaigns");
  return (fields: FieldErrors | undefined): FieldErrors =>
    Object.fromEntries(
      Object.entries(fields ?? {}).map(([f, r]) => [f, t.has(`reasons.${r}`) ? t(`reasons.${r}`) : r]),
    );
}

/** A state updater that drops one field's error once the user edits that field (a name or the edited input). */
export function withoutField(field: string | EventTarget) {
  const name = typeof field === "string" ? field : field instanceof HTMLInputElement ? field.name : undefined;
  return (fields: FieldErrors): FieldErrors => {
    if (!name || !(name in fields)) return fields;
    const { [name]: _edited, ...rest } = fields;
    return rest;
  };
}
