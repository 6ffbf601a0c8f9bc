"use client";

import { useTranslations } from "next-intl";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { useListParams } from "./use-list-params";

/** A filter over a long list (accounts, people) bound to one URL param: searchable, "all" clears it. */
export function FilterCombobox({
  param,
  label,
  options,
  className = "w-56",
}: {
  param: string;
  label: string;
  options: ComboboxOption[];
  className?: string;
}) {
  const t = useTranslations("dataList");
  const list = useListParams();
  const all: ComboboxOption = { value: "", label: t("allOf", { label }) };
  return (
    <Combobox
      aria-label={label}
      className={className}
      options={[all, ...options]}
      value={list.get(param)}
      onChange={(v) => list.set({ [param]: v || null })}
      placeholder={t("allOf", { label })}
      searchPlaceholder={t("searchIn", { label })}
      emptyText={t("noMatch")}
    />
  );
}
