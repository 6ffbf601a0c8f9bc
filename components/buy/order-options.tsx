"use client";

import { useTranslations } from "next-intl";
import { formatCNY, formatDay } from "@/lib/format";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { VoucherJson } from "@/lib/wire";

type Props = {
  plan: boolean;
  autoRenew: boolean;
  onAutoRenew: (on: boolean) => void;
  vouchers: VoucherJson[];
  voucherId: string;
  onVoucher: (id: string) => void;
};

/** Auto-renew (plan orders, R-BUY-9) and the one voucher an order may use (R-PROMO-3). */
export function OrderOptions({ plan, autoRenew, onAutoRenew, vouchers, voucherId, onVoucher }: Props) {
  const t = useTranslations("buy.options");
  return (
    <div className="grid gap-5">
      {plan && (
        <div className="flex items-start gap-2">
          <Checkbox
            id="buy-auto-renew"
            className="mt-0.5"
            checked={autoRenew}
            onCheckedChange={(c) => onAutoRenew(c === true)}
            aria-describedby="buy-auto-renew-hint"
          />
          <div className="grid gap-1">
            <Label htmlFor="buy-auto-renew">{t("autoRenew")}</Label>
            <p id="buy-auto-renew-hint" className="text-xs text-muted-foreground">
              {t("autoRenewHint")}
            </p>
          </div>
        </div>
      )}
      <div
        className={"grid grid-cols-[minmax(0,1fr)] gap-1.5 md:grid-cols-[6rem_minmax(0,1fr)] md:items-center md:gap-4"}
      >
        <Label htmlFor="buy-voucher" className="text-muted-foreground">
          {t("voucher")}
        </Label>
        <div className="grid gap-1">
          <Select value={voucherId} onValueChange={onVoucher} disabled={vouchers.length === 0}>
            <SelectTrigger id="buy-voucher" aria-label={t("voucher")} className="w-full max-w-md">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="none">{vouchers.length === 0 ? t("voucherEmpty") : t("voucherNone")}</SelectItem>
              {vouchers.map((v) => (
                <SelectItem key={v.id} value={v.id}>
                  <span className="font-medium">{t("voucherAmount", { amount: formatCNY(v.amount) })}</span>
                  <span className="text-xs text-muted-foreground">
                    {v.minTotal ? `${t("voucherMin", { min: formatCNY(v.minTotal) })} · ` : ""}
                    {t("voucherExpires", { day: formatDay(v.expiresAt) })}
                  </span>
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <p className="text-xs text-muted-foreground">{t("voucherHint")}</p>
        </div>
      </div>
    </div>
  );
}
