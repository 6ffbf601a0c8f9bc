"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CreateAppForm } from "./create-app-form";

/** Create-app button of the apps page; at the cap it is disabled and says why and what to do (R-APP-1). */
export function CreateAppDialog({ atCap, cap }: { atCap: boolean; cap: number }) {
  const t = useTranslations("apps");
  const router = useRouter();

  if (atCap) {
    return (
      <div className="flex flex-col items-end gap-1 text-right">
        <Button disabled>
          <Plus className="size-4" />
          {t("create")}
        </Button>
        <p className="max-w-xs text-xs text-muted-foreground" data-testid="cap-hint">
          {t("capReached", { cap })}. {t("capHint")}
        </p>
      </div>
    );
  }
  return <CreateAppForm label={t("create")} onCreated={(app) => router.push(`/apps/${app.sdkAppId}`)} />;
}
