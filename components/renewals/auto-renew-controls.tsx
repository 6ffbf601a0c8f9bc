"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setAutoRenewAction, setDontRenewAction } from "@/app/(customer)/renewals/actions";
import { ConfirmButton } from "@/components/confirm-button";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";

function useAutoRenew(sdkAppId: number) {
  const t = useTranslations("renewals");
  const router = useRouter();
  const [pending, start] = useTransition();
  const set = (enabled: boolean, onFail?: () => void) =>
    start(async () => {
      const r = await setAutoRenewAction({ sdkAppId, enabled });
      if (!r.ok) {
        onFail?.();
        return void toast.error(r.error.message);
      }
      toast.success(enabled ? t("autoRenewOn") : t("autoRenewOff"));
      router.refresh();
    });
  return { pending, set };
}

/** The per-app auto-renew switch (R-BUY-9): shown at once, rolled back if the server refuses. */
export function AutoRenewSwitch({ sdkAppId, name, enabled }: { sdkAppId: number; name: string; enabled: boolean }) {
  const t = useTranslations("renewals");
  const [on, setOn] = useState(enabled);
  const { pending, set } = useAutoRenew(sdkAppId);
  const shown = pending ? on : enabled;
  return (
    <div className="flex items-center gap-2">
      <Switch
        // The click shows at once while the action and its refresh run; then the server's value wins
        // (also after another control, e.g. "don't renew", changed it).
        checked={shown}
        disabled={pending}
        aria-label={t("autoRenewFor", { name })}
        onCheckedChange={(v) => {
          setOn(v);
          set(v, () => setOn(!v));
        }}
      />
      <span className="text-xs text-muted-foreground">{shown ? t("on") : t("off")}</span>
    </div>
  );
}

/** 不续费 (R-LIFE-2): marks the app as not to be renewed, which turns auto-renew off; "renew after all" unmarks it. */
export function DontRenewButton({ sdkAppId, name, marked }: { sdkAppId: number; name: string; marked: boolean }) {
  const t = useTranslations("renewals");
  const router = useRouter();
  const [pending, start] = useTransition();
  const set = (on: boolean) =>
    start(async () => {
      const r = await setDontRenewAction({ sdkAppId, on });
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(on ? t("dontRenewDone", { name }) : t("dontRenewUndone", { name }));
      router.refresh();
    });
  if (marked) {
    return (
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={() => set(false)}
        aria-label={t("undoDontRenewFor", { name })}
      >
        {t("undoDontRenew")}
      </Button>
    );
  }
  return (
    <ConfirmButton
      variant="outline"
      disabled={pending}
      label={t("dontRenew")}
      title={t("dontRenewTitle", { name })}
      body={t("dontRenewBody")}
      confirmLabel={t("dontRenew")}
      onConfirm={() => set(true)}
    />
  );
}
