"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useListParams } from "./use-list-params";

/** A search field bound to `?q=` (or `param`): applied on Enter or the button, cleared with ×. */
export function SearchBox({
  placeholder,
  param = "q",
  label,
}: {
  placeholder: string;
  param?: string;
  label?: string;
}) {
  const t = useTranslations("dataList");
  const list = useListParams();
  const applied = list.get(param);
  const [value, setValue] = useState(applied);
  useEffect(() => setValue(applied), [applied]);
  return (
    <form
      role="search"
      className="flex min-w-0 flex-1 basis-60 gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        list.set({ [param]: value.trim() || null });
      }}
    >
      <div className="relative min-w-0 flex-1">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          name={param}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={placeholder}
          aria-label={label ?? placeholder}
          className="pl-8 pr-8"
          maxLength={100}
        />
        {applied && (
          <button
            type="button"
            className="absolute right-2 top-2.5 text-muted-foreground hover:text-foreground"
            aria-label={t("clearSearch")}
            onClick={() => list.set({ [param]: null })}
          >
            <X className="size-4" />
          </button>
        )}
      </div>
      <Button type="submit" variant="outline" disabled={list.pending}>
        {t("search")}
      </Button>
    </form>
  );
}
