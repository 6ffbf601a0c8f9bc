"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useListParams } from "./use-list-params";

/** `?from=` and `?to=` as Shanghai calendar days, both inclusive. */
export function DateRange({ fromParam = "from", toParam = "to" }: { fromParam?: string; toParam?: string }) {
  const t = useTranslations("dataList");
  const list = useListParams();
  const id = useId();
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">{t("dateRange")}</legend>
      <Label htmlFor={`${id}-from`} className="text-muted-foreground">
        {t("from")}
      </Label>
      <Input
        id={`${id}-from`}
        type="date"
        className="w-40"
        value={list.get(fromParam)}
        onChange={(e) => list.set({ [fromParam]: e.target.value || null })}
      />
      <Label htmlFor={`${id}-to`} className="text-muted-foreground">
        {t("to")}
      </Label>
      <Input
        id={`${id}-to`}
        type="date"
        className="w-40"
        value={list.get(toParam)}
        onChange={(e) => list.set({ [toParam]: e.target.value || null })}
      />
    </fieldset>
  );
}
