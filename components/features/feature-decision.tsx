"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Check, X } from "lucide-react";
import { approveFeatureAction, rejectFeatureAction } from "@/app/(operator)/admin/features/actions";
import { formatDateTime } from "@/lib/format";
import { ConfirmButton } from "@/components/confirm-button";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { submitWith } from "@/components/submit-with";
import { useServerAction } from "@/components/use-server-action";
import type { QueueItem } from "./feature-queue";

/** Approve (asks first, says when it will be enabled) and reject (a reason is required, in a dialog). */
export function FeatureDecision({ item: a, enableAtIfNow }: { item: QueueItem; enableAtIfNow: string }) {
  const t = useTranslations("featureQueue");
  const tf = useTranslations("features");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const approveAction = useServerAction(approveFeatureAction, {
    success: (r) => t("approved", { at: formatDateTime(r.enableAt) }),
  });
  const rejectAction = useServerAction(rejectFeatureAction, {
    errors: "inline",
    success: t("rejected"),
    onSuccess: () => setOpen(false),
  });
  const pending = approveAction.pending || rejectAction.pending;
  const error = rejectAction.error && (rejectAction.error.fields?.reason ?? rejectAction.error.message);
  const feature = tf(`name.${a.feature}`);
  const names = { account: a.accountName, app: a.appName, sdkAppId: a.sdkAppId, feature };

  const approve = () => approveAction.run({ id: a.id });
  const reject = (form: FormData) => rejectAction.run({ id: a.id, reason: String(form.get("reason") ?? "") });

  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmButton
        label={
          <>
            <Check className="size-4" />
            {t("approve")}
          </>
        }
        title={t("approveTitle", { feature })}
        // Approval now + 48 h on the server's clock; the server fixes enableAt at the approval instant.
        body={t("approveBody", { ...names, at: formatDateTime(enableAtIfNow) })}
        confirmLabel={t("approveConfirm")}
        onConfirm={approve}
        disabled={pending}
        variant="default"
      />
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          rejectAction.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button size="sm" variant="outline" disabled={pending}>
            <X className="size-4" />
            {t("reject")}
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={tc("close")}>
          <form onSubmit={submitWith(reject)} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("rejectTitle", { feature })}</DialogTitle>
              <DialogDescription>{t("rejectBody", names)}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor={`reject-${a.id}`}>{t("rejectReason")}</Label>
              <Textarea
                id={`reject-${a.id}`}
                name="reason"
                maxLength={500}
                rows={3}
                placeholder={t("rejectPlaceholder")}
                aria-invalid={error ? true : undefined}
                aria-describedby={`reject-${a.id}-msg`}
                autoFocus
              />
              <p
                id={`reject-${a.id}-msg`}
                className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground"}
              >
                {error ?? t("rejectHint")}
              </p>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("close")}
              </Button>
              <Button type="submit" variant="destructive" disabled={pending}>
                {pending ? tc("loading") : t("rejectConfirm")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
