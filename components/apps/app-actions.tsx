"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Play, Square, Trash2 } from "lucide-react";
import { deleteAppAction, startAppAction, stopAppAction } from "@/app/(customer)/apps/actions";
import type { AppStatus } from "@/lib/billing/apps";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useServerAction } from "@/components/use-server-action";

type Props = { sdkAppId: number; name: string; status: AppStatus };

/** Stop / start / delete with confirmations; delete asks for the app's name (R-APP-4). */
export function AppActions({ sdkAppId, name, status }: Props) {
  const t = useTranslations("app");
  const tc = useTranslations("common");
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const stop = useServerAction(stopAppAction, { success: t("stopped") });
  const start = useServerAction(startAppAction, { success: t("started") });
  const remove = useServerAction(deleteAppAction, {
    success: t("deleted"),
    onSuccess: () => router.push("/apps"),
    refresh: false,
  });
  const pending = stop.pending || start.pending || remove.pending;

  return (
    <div className="flex flex-wrap gap-2">
      {status === "enabled" && (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={pending}>
              <Square className="size-4" />
              {t("stop")}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("stopConfirmTitle", { name })}</AlertDialogTitle>
              <AlertDialogDescription>{t("stopConfirmBody")}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
              <AlertDialogAction onClick={() => stop.run({ sdkAppId })}>{t("stop")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      )}
      {status === "stopped" && (
        <Button variant="outline" disabled={pending} onClick={() => start.run({ sdkAppId })}>
          <Play className="size-4" />
          {t("start")}
        </Button>
      )}
      <AlertDialog onOpenChange={() => setTyped("")}>
        <AlertDialogTrigger asChild>
          <Button
            variant="destructive"
            disabled={pending || status !== "stopped"}
            title={status !== "stopped" ? t("deleteOnlyStopped") : undefined}
          >
            <Trash2 className="size-4" />
            {t("delete")}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("deleteTitle", { name })}</AlertDialogTitle>
            <AlertDialogDescription>{t("deleteBody")}</AlertDialogDescription>
          </AlertDialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="confirm-name">{t("deleteTypeName", { name })}</Label>
            <Input id="confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
          <AlertDialogFooter>
            <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              disabled={typed !== name}
              className="bg-destructive text-white hover:bg-destructive/90"
              onClick={() => remove.run({ sdkAppId })}
            >
              {tc("delete")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {status === "enabled" && <p className="basis-full text-xs text-muted-foreground">{t("deleteOnlyStopped")}</p>}
    </div>
  );
}
