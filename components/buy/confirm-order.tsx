"use client";

import { useTranslations } from "next-intl";
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
} from "@/components/ui/alert-dialog";
import { useLineLabels } from "./labels";
import { isZero } from "./money";
import type { QuoteJson } from "@/lib/wire";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  app: { name: string; sdkAppId: number };
  quote: QuoteJson;
  pending: boolean;
  onConfirm: () => void;
};

/** The paying step: names the app, what is bought, the total and how it is paid, before anything is charged. */
export function ConfirmOrder({ open, onOpenChange, app, quote, pending, onConfirm }: Props) {
  const t = useTranslations("buy.confirm");
  const tc = useTranslations("common");
  const labels = useLineLabels();
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("title")}</AlertDialogTitle>
          <AlertDialogDescription>{t("body", { name: app.name, sdkAppId: app.sdkAppId })}</AlertDialogDescription>
        </AlertDialogHeader>
        <ul className="grid gap-1.5 rounded-md border p-3 text-sm">
          {quote.lines.map((l, i) => (
            <li key={i} className="flex justify-between gap-3">
              <span>
                {labels.product(l)}
                {l.tier !== undefined && ` · ${labels.tier(l.product, l.tier)}`}
                <span className="text-muted-foreground"> · {labels.months(l)}</span>
              </span>
              <span className="whitespace-nowrap tabular-nums">{formatCNY(l.amount)}</span>
            </li>
          ))}
        </ul>
        <dl className="grid gap-1.5 text-sm">
          {!isZero(quote.voucherAmount) && (
            <div className="flex justify-between gap-3">
              <dt className="text-muted-foreground">{t("voucherLabel")}</dt>
              <dd className="tabular-nums">−{formatCNY(quote.voucherAmount)}</dd>
            </div>
          )}
          <div className="flex justify-between gap-3">
            <dt className="text-muted-foreground">{t("payment")}</dt>
            <dd className="text-right">{t("paymentValue")}</dd>
          </div>
          <div className="flex items-baseline justify-between gap-3 border-t pt-2">
            <dt className="font-medium">{t("total")}</dt>
            <dd className="text-xl font-semibold tabular-nums text-orange-600">{formatCNY(quote.total)}</dd>
          </div>
        </dl>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{tc("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            onClick={(e) => {
              e.preventDefault();
              onConfirm();
            }}
          >
            {pending ? t("paying") : t("pay", { amount: formatCNY(quote.total) })}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
