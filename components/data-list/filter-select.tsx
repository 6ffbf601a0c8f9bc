"use client";

import { useTranslations } from "next-intl";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useListParams } from "./use-list-params";

export type FilterOption = { value: string; label: string };

/** A closed-list filter bound to one URL param; "all" removes the param. */
export function FilterSelect({
  param,
  label,
  options,
  className = "w-40",
}: {
  param: string;
  label: string;
  options: FilterOption[];
  className?: string;
}) {
  const t = useTranslations("dataList");
  const list = useListParams();
  const value = list.get(param) || "all";
  return (
    <Select value={value} onValueChange={(v) => list.set({ [param]: v === "all" ? null : v })}>
      <SelectTrigger className={className} aria-label={label} data-filter={param}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="all">{t("allOf", { label })}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
