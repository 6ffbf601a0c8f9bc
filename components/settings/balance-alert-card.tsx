"use client";

import { useTranslations } from "next-intl";
import { setBalanceAlertAction } from "@/app/(customer)/settings/alert-actions";
import { formatCNY } from "@/lib/format";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { submitWith } from "@/components/submit-with";
import { useServerAction } from "@/components/use-server-action";

/** The owner's balance-alert threshold (R-LIFE-8). Saving an empty field turns the alert off. */
export function BalanceAlertCard({ threshold, available }: { threshold: string | null; available: string }) {
  const t = useTranslations("balanceAlert");
  const saveAction = useServerAction(setBalanceAlertAction, {
    errors: "inline",
    success: (r) => {
      const now = r.balanceAlert?.threshold;
      return now ? t("saved", { threshold: formatCNY(now) }) : t("off");
    },
  });
  const pending = saveAction.pending;
  const error = saveAction.error ? (saveAction.error.fields?.threshold ?? saveAction.error.message) : undefined;
  const save = (value: string | null) => saveAction.run({ threshold: value });

  return (
    <Card id="balance-alert">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm" data-testid="balance-alert-current">
          {threshold ? t("current", { threshold: formatCNY(threshold) }) : t("none")}
          <span className="text-muted-foreground"> · {t("available", { amount: formatCNY(available) })}</span>
        </p>
        <form
          aria-label={t("title")}
          noValidate
          className="flex flex-wrap items-end gap-3"
          onSubmit={submitWith((form) => {
            const raw = String(form.get("threshold") ?? "").trim();
            save(raw === "" ? null : raw);
          })}
        >
          <div className="w-72 max-w-full">
            <Field
              name="threshold"
              label={t("threshold")}
              inputMode="decimal"
              defaultValue={threshold ?? ""}
              key={threshold ?? "off"}
              error={error}
              hint={t("thresholdHint")}
            />
          </div>
          <div className="flex gap-2 pb-6">
            <Button type="submit" disabled={pending}>
              {t("save")}
            </Button>
            {threshold && (
              <Button type="button" variant="outline" disabled={pending} onClick={() => save(null)}>
                {t("turnOff")}
              </Button>
            )}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
