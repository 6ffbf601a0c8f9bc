"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Ticket } from "lucide-react";
import { issueVoucherAction } from "@/app/(operator)/admin/vouchers/actions";
import type { FieldErrors } from "@/lib/errors";
import { formatCNY } from "@/lib/format";
import { parseMoneyInput } from "@/lib/money";
import { submitWith } from "@/components/submit-with";
import { Field } from "@/components/field";
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
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useServerAction } from "@/components/use-server-action";
import { useFieldReasons, withoutField } from "./reasons";

export type AccountOption = { id: string; name: string; verified: boolean };
type Draft = { accountId: string; amount: string; minTotal: string; expiresAt: string };

/** Issue a voucher (R-PROMO-3): the confirmation names the account and the amount before anything is written. */
export function IssueVoucherForm({ accounts, defaultExpiry }: { accounts: AccountOption[]; defaultExpiry: string }) {
  const t = useTranslations("vouchers");
  const tc = useTranslations("common");
  const reasons = useFieldReasons();
  const tv = useTranslations("validation");
  const formRef = useRef<HTMLFormElement>(null);
  const [accountId, setAccountId] = useState("");
  const [fields, setFields] = useState<FieldErrors>({});
  const [draft, setDraft] = useState<Draft | null>(null);
  const accountName = (id: string) => accounts.find((a) => a.id === id)?.name ?? "";
  const issue = useServerAction((d: Draft) => issueVoucherAction({ ...d, minTotal: d.minTotal || undefined }), {
    errors: "fields",
    onError: (e) => setFields(reasons(e.fields)),
    success: (_, d) => t("issued", { name: accountName(d.accountId), amount: formatCNY(d.amount) }),
    onSuccess: () => {
      setFields({});
      formRef.current?.reset();
      setAccountId("");
    },
  });
  const pending = issue.pending;

  function review(form: FormData) {
    const d: Draft = {
      accountId,
      amount: String(form.get("amount") ?? "").trim(),
      minTotal: String(form.get("minTotal") ?? "").trim(),
      expiresAt: String(form.get("expiresAt") ?? "").trim(),
    };
    const missing: FieldErrors = {};
    if (!d.accountId) missing.accountId = t("chooseAccount");
    if (!d.amount) missing.amount = t("amountRequired");
    if (!d.expiresAt) missing.expiresAt = t("expiryRequired");
    // Amounts are checked as the server checks them before the confirmation names them.
    if (d.amount && !parseMoneyInput(d.amount)?.gt(0)) missing.amount = tv("must be a decimal with at most two places");
    if (d.minTotal && !parseMoneyInput(d.minTotal)?.gt(0))
      missing.minTotal = tv("must be a decimal with at most two places");
    setFields(missing);
    if (Object.keys(missing).length === 0) setDraft(d);
  }

  function commit() {
    const d = draft;
    setDraft(null);
    if (!d) return;
    issue.run(d);
  }

  return (
    <>
      <form
        ref={formRef}
        onSubmit={submitWith(review)}
        onChange={(e) => setFields(withoutField(e.target))}
        className="grid items-start gap-4 sm:grid-cols-3"
        noValidate
        aria-label={t("issueTitle")}
      >
        <div className="grid gap-1.5 sm:col-span-3">
          <Label htmlFor="voucher-account">{t("account")}</Label>
          <Select
            value={accountId}
            onValueChange={(v) => {
              setAccountId(v);
              setFields(withoutField("accountId"));
            }}
          >
            <SelectTrigger
              id="voucher-account"
              className="w-full"
              aria-invalid={fields.accountId ? true : undefined}
              aria-describedby="voucher-account-msg"
            >
              <SelectValue placeholder={t("chooseAccount")} />
            </SelectTrigger>
            <SelectContent>
              {accounts.map((a) => (
                <SelectItem key={a.id} value={a.id}>
                  {a.name}
                  {a.verified ? "" : ` (${t("unverified")})`}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {fields.accountId && (
            <p id="voucher-account-msg" className="text-sm text-destructive">
              {fields.accountId}
            </p>
          )}
        </div>
        <Field name="amount" label={t("amount")} inputMode="decimal" placeholder="200.00" error={fields.amount} />
        <Field
          name="minTotal"
          label={t("minTotalLabel")}
          inputMode="decimal"
          placeholder="500.00"
          error={fields.minTotal}
          hint={t("minTotalHint")}
        />
        <Field
          name="expiresAt"
          type="datetime-local"
          label={t("expiresAtLabel")}
          defaultValue={defaultExpiry}
          error={fields.expiresAt}
          hint={t("expiresAtHint")}
        />
        <div className="sm:col-span-3">
          <Button type="submit" disabled={pending}>
            <Ticket className="size-4" />
            {pending ? tc("loading") : t("issue")}
          </Button>
        </div>
      </form>
      <AlertDialog open={draft !== null} onOpenChange={(o) => !o && setDraft(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("confirmTitle")}</AlertDialogTitle>
            <AlertDialogDescription>
              {draft &&
                t("confirmBody", {
                  name: accountName(draft.accountId),
                  amount: formatCNY(draft.amount),
                  min: draft.minTotal ? t("confirmMin", { amount: formatCNY(draft.minTotal) }) : t("noMin"),
                  expiry: draft.expiresAt.replace("T", " "),
                })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
            <AlertDialogAction onClick={commit}>{t("issue")}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
