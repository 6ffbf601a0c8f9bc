"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Check, X } from "lucide-react";
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
import { useServerAction } from "@/components/use-server-action";

type Props = { id: string; refundNo: string; total: string; cash: string; gift: string; accountName: string };

/** Approve (asks first, names the amount fixed at request time) and reject (a reason is required). */
export function DecisionButtons({ id, refundNo, total, cash, gift, accountName }: Props) {
  const t = useTranslations("refundReview");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const approveAction = useServerAction(approveRefundAction, {
    success: (r) => t("approved", { no: refundNo, total: formatCNY(r.total) }),
  });
  const rejectAction = useServerAction(rejectRefundAction, {
    errors: "inline",
    success: t("rejected", { no: refundNo }),
    onSuccess: () => setOpen(false),
  });
  const pending = approveAction.pending || rejectAction.pending;
  const error = rejectAction.error && (rejectAction.error.fields?.reason ?? rejectAction.error.message);
  const approve = () => approveAction.run({ id });
  const reject = (form: FormData) => rejectAction.run({ id, reason: String(form.get("reason") ?? "") });

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
