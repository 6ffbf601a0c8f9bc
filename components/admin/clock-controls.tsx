"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { advanceClockAction } from "@/app/(operator)/admin/clock/actions";
import { formatDateTime } from "@/lib/format";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";

const STEPS = [
  ["hour", 3600],
  ["day", 86400],
  ["week", 7 * 86400],
  ["month", 30 * 86400],
] as const;

export function ClockControls() {
  const t = useTranslations("admin");
  // an empty target is refused here; the server's refusal replaces it
  const [missing, setMissing] = useState<string | undefined>();
  const advance = useServerAction(advanceClockAction, {
    errors: "inline",
    success: (r) => t("advanced", { now: formatDateTime(r.now) }),
  });
  const pending = advance.pending;
  const refused = advance.error;
  const error =
    missing ?? (refused ? (refused.fields?.to ?? refused.fields?.advanceSeconds ?? refused.message) : undefined);

  function send(input: { advanceSeconds: number } | { to: string }) {
    setMissing(undefined);
    advance.run(input);
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
          if (!local) return setMissing(t("target"));
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
