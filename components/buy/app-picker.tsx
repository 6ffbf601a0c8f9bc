"use client";

import { useTranslations } from "next-intl";
import type { AppJson } from "@/lib/services/apps";
import { formatExpiryDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CreateAppInline } from "./create-app-inline";
import type { BuyApp } from "./types";

const STATUS_VARIANT = { enabled: "success", grace: "warning", disabling: "warning", suspended: "destructive", stopped: "secondary", reclaimed: "outline", deleted: "outline" } as const;

type Props = { apps: BuyApp[]; value: number | null; onChange: (sdkAppId: number) => void; onCreated: (app: AppJson) => void };

/** Step 1: the app the order is for (R-BUY-1), or a new one created on the spot. */
export function AppPicker({ apps, value, onChange, onCreated }: Props) {
  const t = useTranslations("buy");
  const te = useTranslations("edition");
  const ts = useTranslations("status");
  const app = apps.find((a) => a.sdkAppId === value);
  return (
    <div className="grid gap-3">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-1.5 md:grid-cols-[6rem_minmax(0,1fr)] md:items-center md:gap-4">
        <Label htmlFor="buy-app" className="text-muted-foreground">{t("app.label")}</Label>
        <div className="flex flex-wrap items-center gap-2">
          <Select value={value === null ? "" : String(value)} onValueChange={(v) => onChange(Number(v))}>
            <SelectTrigger id="buy-app" aria-label={t("app.label")} className="min-w-0 max-w-full flex-1 basis-72">
              <SelectValue placeholder={t("app.placeholder")} />
            </SelectTrigger>
            <SelectContent>
              {apps.map((a) => (
                <SelectItem key={a.sdkAppId} value={String(a.sdkAppId)}>
                  <span className="truncate">{a.name}</span>
                  <span className="font-mono text-xs text-muted-foreground">{a.sdkAppId}</span>
                  <span className="text-xs text-muted-foreground">· {te(a.edition)}</span>
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <CreateAppInline onCreated={onCreated} />
        </div>
      </div>
      {app && (
        <div className="flex flex-wrap items-center gap-2 text-sm md:ml-28" data-testid="buy-app-facts">
          <Badge variant="outline">{te(app.edition)}</Badge>
          <Badge variant={STATUS_VARIANT[app.status]}>{ts(app.status)}</Badge>
          {app.expiresAt && <span className="text-muted-foreground">{t("app.until", { day: formatExpiryDay(app.expiresAt) })}</span>}
        </div>
      )}
      <p className="text-xs text-muted-foreground md:ml-28">{t("app.fixed")}</p>
    </div>
  );
}
