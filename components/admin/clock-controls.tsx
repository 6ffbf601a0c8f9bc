"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { advanceClockAction } from "@/app/(operator)/admin/clock/actions";
import { formatDateTime } from "@/lib/format";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";

const STEPS = [
  ["hour", 3600],
  ["day", 86400],
  ["week", 7 * 86400],
  ["month", 30 * 86400],
] as const;

export function ClockControls() {
  const t = useTranslations("admin");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [pending, start] = useTransition();

  function send(input: { advanceSeconds: number } | { to: string }) {
    start(async () => {
      const r = await advanceClockAction(input);
      if (!r.ok) {
        setError(r.error.fields?.to ?? r.error.fields?.advanceSeconds ?? r.error.message);
        return;
      }
      setError(undefined);
      toast.success(t("advanced", { now: formatDateTime(r.data.now) }));
      router.refresh();
    });
  }

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <p className="text-sm font-medium">{t("advanceBy")}</p>
        <div className="flex flex-wrap gap-2">
          {STEPS.map(([k, s]) => (
            <Button key={k} variant="outline" disabled={pending} onClick={() => send({ advanceSeconds: s })}>
              +{t(k)}
            </Button>
          ))}
        </div>
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        action={(f) => {
          const local = String(f.get("to") ?? "");
          if (!local) return setError(t("target"));
          send({ to: `${local.length === 16 ? `${local}:00` : local}+08:00` });
        }}
      >
        <div className="min-w-64">
          <Field name="to" type="datetime-local" step={1} label={t("target")} error={error} />
        </div>
        <Button type="submit" disabled={pending}>
          {t("go")}
        </Button>
      </form>
    </div>
  );
}
