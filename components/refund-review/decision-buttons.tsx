"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Check, X } from "lucide-react";
import { toast } from "sonner";
import { approveRefundAction, rejectRefundAction } from "@/app/(operator)/admin/refunds/actions";
import { formatCNY } from "@/lib/format";
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

type Props = { id: string; refundNo: string; total: string; cash: string; gift: string; accountName: string };

/** Approve (asks first, names the amount fixed at request time) and reject (a reason is required). */
export function DecisionButtons({ id, refundNo, total, cash, gift, accountName }: Props) {
  const t = useTranslations("refundReview");
  const tc = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function approve() {
    start(async () => {
      const r = await approveRefundAction({ id });
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(t("approved", { no: refundNo, total: formatCNY(r.data.total) }));
      router.refresh();
    });
  }

  function reject(form: FormData) {
    const reason = String(form.get("reason") ?? "");
    start(async () => {
      const r = await rejectRefundAction({ id, reason });
      if (!r.ok) return setError(r.error.fields?.reason ?? r.error.message);
      toast.success(t("rejected", { no: refundNo }));
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap gap-2">
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button size="sm" disabled={pending}>
            <Check className="size-4" />
            {t("approve")}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("approveTitle", { no: refundNo })}</AlertDialogTitle>
            <AlertDialogDescription>
              {t("approveBody", {
                account: accountName,
                total: formatCNY(total),
                cash: formatCNY(cash),
                gift: formatCNY(gift),
              })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
            <AlertDialogAction onClick={approve}>{t("approveConfirm", { total: formatCNY(total) })}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
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
              <DialogTitle>{t("rejectTitle", { no: refundNo })}</DialogTitle>
              <DialogDescription>{t("rejectBody", { account: accountName })}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor={`reject-${id}`}>{t("rejectReason")}</Label>
              <Textarea
                id={`reject-${id}`}
                name="reason"
                maxLength={500}
                rows={3}
                placeholder={t("rejectPlaceholder")}
                aria-invalid={error ? true : undefined}
                aria-describedby={`reject-${id}-msg`}
                autoFocus
              />
              <p
                id={`reject-${id}-msg`}
                className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground"}
              >
                {error ?? t("rejectHint")}
              </p>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
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
