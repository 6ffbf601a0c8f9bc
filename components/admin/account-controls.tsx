"use client";

// First: zod schemas below must be built without its eval probe (CSP).
import "@/lib/validation/jitless";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { BadgeCheck } from "lucide-react";
import { clearLoginLockAction, topUpAction, verifyAccountAction } from "@/app/(operator)/admin/accounts/actions";
import type { FieldErrors } from "@/lib/errors";
import { formatCNY } from "@/lib/format";
import { topUpSchema } from "@/lib/validation/accounts";
import { useValidate } from "@/components/use-validate";
import { ConfirmButton } from "@/components/confirm-button";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { submitWith } from "@/components/submit-with";
import { useServerAction } from "@/components/use-server-action";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

export function VerifyButton({ accountId, name }: { accountId: string; name: string }) {
  const t = useTranslations("admin");
  const verify = useServerAction(verifyAccountAction, { success: t("verified") });
  return (
    <ConfirmButton
      variant="default"
      size="default"
      disabled={verify.pending}
      label={
        <>
          <BadgeCheck className="size-4" />
          {t("verify")}
        </>
      }
      title={`${t("verify")}: ${name}`}
      body={t("verifyBody", { name })}
      confirmLabel={t("verify")}
      onConfirm={() => verify.run({ accountId })}
    />
  );
}

/** Clears a user's failed-login count and lock after a confirmation. */
export function ClearLockButton({ accountId, email }: { accountId: string; email: string }) {
  const t = useTranslations("admin");
  const clear = useServerAction(clearLoginLockAction, { success: t("lockCleared") });
  return (
    <ConfirmButton
      variant="outline"
      size="sm"
      disabled={clear.pending}
      label={t("clearLock")}
      title={t("clearLock")}
      body={t("clearLockBody", { email })}
      confirmLabel={t("clearLock")}
      onConfirm={() => clear.run({ accountId, email })}
    />
  );
}

type TopUpInput = { cash?: string; gift?: string; note: string };

/** Records a cash top-up and/or gift grant after a confirmation naming the amounts. */
export function TopUpForm({ accountId, name }: { accountId: string; name: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const validate = useValidate();
  const [pendingInput, setPendingInput] = useState<TopUpInput | null>(null);
  const topUp = useServerAction((input: TopUpInput) => topUpAction({ accountId, ...input }), {
    errors: "fields",
    onError: (e) => setFields(e.fields ?? {}),
    success: (_, input) =>
      t("toppedUpAmounts", { name, cash: formatCNY(input.cash ?? "0"), gift: formatCNY(input.gift ?? "0") }),
    onSuccess: () => {
      setFields({});
      formRef.current?.reset();
    },
  });

  function review(form: FormData) {
    const cash = String(form.get("cash") ?? "").trim();
    const gift = String(form.get("gift") ?? "").trim();
    const input = { ...(cash ? { cash } : {}), ...(gift ? { gift } : {}), note: String(form.get("note") ?? "") };
    // The same schema as the server: an invalid amount is shown on its field, never confirmed.
    const checked = validate(topUpSchema, input);
    if (!checked.ok) return void setFields(checked.fields);
    setFields({});
    setPendingInput(input);
  }

  function commit() {
    const input = pendingInput;
    setPendingInput(null);
    if (!input) return;
    topUp.run(input);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("topUpTitle")}</CardTitle>
        <CardDescription>{t("topUpDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          onSubmit={submitWith(review)}
          className="grid gap-3 sm:grid-cols-2"
          noValidate
          aria-label={t("topUpTitle")}
        >
          <Field name="cash" label={t("cashAmount")} inputMode="decimal" placeholder="1000.00" error={fields.cash} />
          <Field name="gift" label={t("giftAmount")} inputMode="decimal" placeholder="0.00" error={fields.gift} />
          <div className="sm:col-span-2">
            <Field name="note" label={t("note")} placeholder={t("notePlaceholder")} error={fields.note} />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={topUp.pending}>
              {t("submitTopUp")}
            </Button>
          </div>
        </form>
        <AlertDialog open={pendingInput !== null} onOpenChange={(o) => !o && setPendingInput(null)}>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("topUpConfirmTitle")}</AlertDialogTitle>
              <AlertDialogDescription>
                {t("topUpConfirmBody", {
                  name,
                  cash: formatCNY(pendingInput?.cash ?? "0"),
                  gift: formatCNY(pendingInput?.gift ?? "0"),
                })}
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
              <AlertDialogAction onClick={commit}>{tc("confirm")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
