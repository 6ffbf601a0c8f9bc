"use client";

import { useTranslations } from "next-intl";
import { formatExpiryDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { Combobox } from "@/components/ui/combobox";
import { CreateAppForm } from "@/components/apps/create-app-form";
import type { BuyApp } from "./types";
import type { AppJson } from "@/lib/wire";

const STATUS_VARIANT = {
  enabled: "success",
  grace: "warning",
  disabling: "warning",
  suspended: "destructive",
  stopped: "secondary",
  reclaimed: "outline",
  deleted: "outline",
} as const;

type Props = {
  apps: BuyApp[];
  value: number | null;
  onChange: (sdkAppId: number) => void;
  onCreated: (app: AppJson) => void;
};

/** Step 1: the app the order is for (R-BUY-1), or a new one created on the spot. */
export function AppPicker({ apps, value, onChange, onCreated }: Props) {
  const t = useTranslations("buy");
  const te = useTranslations("edition");
  const tp = useTranslations("appPicker");
  const ts = useTranslations("status");
  const app = apps.find((a) => a.sdkAppId === value);
  return (
    <div className="grid gap-3">
      <div
        className={"grid grid-cols-[minmax(0,1fr)] gap-1.5 md:grid-cols-[6rem_minmax(0,1fr)] md:items-center md:gap-4"}
      >
        <Label htmlFor="buy-app" className="text-muted-foreground">
          {t("app.label")}
        </Label>
        <div className="flex flex-wrap items-center gap-2">
          <Combobox
            id="buy-app"
            aria-label={t("app.label")}
            className="min-w-0 max-w-full flex-1 basis-72"
            value={value === null ? null : String(value)}
            onChange={(v) => onChange(Number(v))}
            options={apps.map((a) => ({
              value: String(a.sdkAppId),
              label: a.name,
              hint: `${a.sdkAppId} · ${te(a.edition)}`,
            }))}
            renderOption={(o) => (
              <>
                <span className="truncate">{o.label}</span>
                <span className="shrink-0 font-mono text-xs text-muted-foreground">{o.hint}</span>
              </>
            )}
            placeholder={t("app.placeholder")}
            searchPlaceholder={tp("search")}
            emptyText={tp("noMatch")}
          />
          <CreateAppForm label={t("app.create")} variant="outline" onCreated={onCreated} />
        </div>
      </div>
      {app && (
        <div className="flex flex-wrap items-center gap-2 text-sm md:ml-28" data-testid="buy-app-facts">
          <Badge variant="outline">{te(app.edition)}</Badge>
          <Badge variant={STATUS_VARIANT[app.status]}>{ts(app.status)}</Badge>
          {app.expiresAt && (
            <span className="text-muted-foreground">{t("app.until", { day: formatExpiryDay(app.expiresAt) })}</span>
          )}
        </div>
      )}
      <p className="text-xs text-muted-foreground md:ml-28">{t("app.fixed")}</p>
    </div>
  );
}
