"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setAutoRenewAction, setDontRenewAction } from "@/app/(customer)/renewals/actions";
import { ConfirmButton } from "@/components/confirm-button";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { useServerAction } from "@/components/use-server-action";

/** The per-app auto-renew switch (R-BUY-9): shown at once, rolled back if the server refuses. */
export function AutoRenewSwitch({ sdkAppId, name, enabled }: { sdkAppId: number; name: string; enabled: boolean }) {
  const t = useTranslations("renewals");
  const [on, setOn] = useState(enabled);
  const set = useServerAction((v: boolean) => setAutoRenewAction({ sdkAppId, enabled: v }), {
    success: (_, v) => (v ? t("autoRenewOn") : t("autoRenewOff")),
    onError: (_, v) => setOn(!v),
  });
  const pending = set.pending;
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
          set.run(v);
        }}
      />
      <span className="text-xs text-muted-foreground">{shown ? t("on") : t("off")}</span>
    </div>
  );
}

/** 不续费 (R-LIFE-2): marks the app as not to be renewed, which turns auto-renew off; "renew after all" unmarks it. */
export function DontRenewButton({ sdkAppId, name, marked }: { sdkAppId: number; name: string; marked: boolean }) {
  const t = useTranslations("renewals");
  const mark = useServerAction((on: boolean) => setDontRenewAction({ sdkAppId, on }), {
    success: (_, on) => (on ? t("dontRenewDone", { name }) : t("dontRenewUndone", { name })),
  });
  const pending = mark.pending;
  const set = (on: boolean) => mark.run(on);
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
