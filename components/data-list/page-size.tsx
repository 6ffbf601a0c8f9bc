"use client";

import { useTranslations } from "next-intl";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PAGE_SIZES } from "./params";
import { useListParams } from "./use-list-params";

export function PageSize({ size }: { size: number }) {
  const t = useTranslations("dataList");
  const list = useListParams();
  return (
    <Select value={String(size)} onValueChange={(v) => list.set({ size: v })}>
      <SelectTrigger className="h-8 w-36" aria-label={t("pageSize")}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {PAGE_SIZES.map((s) => (
          <SelectItem key={s} value={String(s)}>
            {t("perPage", { count: s })}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
