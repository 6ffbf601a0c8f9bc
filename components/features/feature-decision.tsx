"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Check, X } from "lucide-react";
import { toast } from "sonner";
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
import type { QueueItem } from "./feature-queue";

/** Approve (asks first, says when it will be enabled) and reject (a reason is required, in a dialog). */
export function FeatureDecision({ item: a, enableAtIfNow }: { item: QueueItem; enableAtIfNow: string }) {
  const t = useTranslations("featureQueue");
  const tf = useTranslations("features");
  const tc = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const feature = tf(`name.${a.feature}`);
  const names = { account: a.accountName, app: a.appName, sdkAppId: a.sdkAppId, feature };

  function approve() {
    start(async () => {
      const r = await approveFeatureAction({ id: a.id });
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(t("approved", { at: formatDateTime(r.data.enableAt) }));
      router.refresh();
    });
  }

  function reject(form: FormData) {
    const reason = String(form.get("reason") ?? "");
    start(async () => {
      const r = await rejectFeatureAction({ id: a.id, reason });
      if (!r.ok) return setError(r.error.fields?.reason ?? r.error.message);
      toast.success(t("rejected"));
      setOpen(false);
      router.refresh();
    });
  }

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
          setError(null);
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
