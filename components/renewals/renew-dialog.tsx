"use client";

import { AgreementLink } from "@/components/agreement-link";
import { topUpHref } from "@/components/top-up-href";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { placeOrderAction, quoteOrderAction, type OrderQuote } from "@/app/(customer)/orders/actions";
import { formatCNY, formatDay } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import { useServerAction } from "@/components/use-server-action";
import { QuoteView } from "./quote-view";
import type { RenewalRow, VoucherOption } from "./types";

const PRESETS = ["1", "2", "3", "6", "12", "24"] as const;
const NO_VOUCHER = "none";

/** One key per opening of the dialog (R-BUY-8): a retried click never pays twice. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function monthsOf(preset: string, other: string): number | null {
  const raw = preset === "other" ? other.trim() : preset;
  if (!/^\d{1,2}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 24 ? n : null;
}

type Props = {
  apps: RenewalRow[];
  vouchers: VoucherOption[];
  onClose: (done: boolean) => void;
  mode?: "months" | "align";
};

const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));

/** Renew one or several apps (R-LIFE-1, R-LIFE-2): term, voucher, SLA, a live server quote, one order. */
export function RenewDialog({ apps, vouchers, onClose, mode = "months" }: Props) {
  const t = useTranslations("renewals");
  const tc = useTranslations("common");
  const [key] = useState(newIdempotencyKey);
  const [preset, setPreset] = useState<string>("1");
  const [other, setOther] = useState("");
  const [voucherId, setVoucherId] = useState(NO_VOUCHER);
  const [agree, setAgree] = useState(false);
  const [quote, setQuote] = useState<OrderQuote | null>(null);
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [placeError, setPlaceError] = useState<{ code: string; message: string } | null>(null);
  const placeAction = useServerAction(placeOrderAction, {
    errors: "inline",
    onError: (e) => setPlaceError(e),
    onSuccess: (order) => {
      toast.success(
        t("renewedToast", { count: apps.length, no: String(order.orderNo), total: formatCNY(order.total) }),
        {
          description: (
            <Link href={`/orders/${order.id}`} className="underline">
              {t("viewOrder")}
            </Link>
          ),
          duration: 10_000,
        },
      );
      onClose(true);
    },
  });
  const pending = placeAction.pending;
  const seq = useRef(0);

  const [day, setDay] = useState("1");
  const align = mode === "align";
  const months = align ? 1 : monthsOf(preset, other);
  // The order body the quote and the payment share (R-LIFE-1 renewal, or R-LIFE-2 common expiry day).
  const term = align ? { type: "align" as const, day: Number(day) } : { type: "renewal" as const, months };
  const sdkAppIds = apps.map((a) => a.sdkAppId);
  const ids = sdkAppIds.join(",");
  const voucher = voucherId === NO_VOUCHER ? undefined : voucherId;

  useEffect(() => {
    const n = ++seq.current;
    setPlaceError(null);
    if (months === null) {
      setQuote(null);
      setQuoteError(null);
      return;
    }
    setQuoting(true);
    quoteOrderAction("renewal", {
      sdkAppIds: ids.split(",").map(Number),
      ...(align ? { type: "align", day: Number(day) } : { months }),
      ...(voucher ? { voucherId: voucher } : {}),
    }).then((r) => {
      if (n !== seq.current) return;
      setQuoting(false);
      if (r.ok) {
        setQuote(r.data);
        setQuoteError(null);
      } else {
        setQuote(null);
        setQuoteError(r.error.message);
      }
    });
  }, [ids, months, voucher, align, day]);

  const short = quote !== null && quote.shortfall !== "0.00";
  const canPay = quote !== null && !quoting && !short && agree && !pending;

  function pay() {
    if (months === null) return;
    placeAction.run("renewal", { ...term, sdkAppIds, ...(voucher ? { voucherId: voucher } : {}), agreeSla: true }, key);
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose(false)}>
      <DialogContent className="sm:max-w-2xl" closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>
            {align
              ? t("alignTitle", { count: apps.length })
              : apps.length === 1
                ? t("dialogTitleOne", { name: apps[0]!.name })
                : t("dialogTitleMany", { count: apps.length })}
          </DialogTitle>
          <DialogDescription>{align ? t("alignDescription") : t("dialogDescription")}</DialogDescription>
        </DialogHeader>

        {align ? (
          <div className="grid max-w-60 gap-1.5">
            <Label htmlFor="align-day">{t("alignDay")}</Label>
            <Select value={day} onValueChange={setDay}>
              <SelectTrigger id="align-day" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {DAYS.map((d) => (
                  <SelectItem key={d} value={d}>
                    {t("alignDayOption", { day: d })}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <p className="text-xs text-muted-foreground">{t("alignHint")}</p>
          </div>
        ) : (
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">{t("term")}</legend>
            <div className="flex flex-wrap gap-2">
              {PRESETS.map((p) => (
                <Button
                  key={p}
                  type="button"
                  size="sm"
                  variant={preset === p ? "default" : "outline"}
                  aria-pressed={preset === p}
                  onClick={() => setPreset(p)}
                >
                  {t("months", { count: Number(p) })}
                </Button>
              ))}
              <Button
                type="button"
                size="sm"
                variant={preset === "other" ? "default" : "outline"}
                aria-pressed={preset === "other"}
                onClick={() => setPreset("other")}
              >
                {t("otherMonths")}
              </Button>
            </div>
            {preset === "other" && (
              <div className="grid max-w-48 gap-1.5">
                <Label htmlFor="renew-other">{t("otherMonthsLabel")}</Label>
                <Input
                  id="renew-other"
                  inputMode="numeric"
                  value={other}
                  autoFocus
                  onChange={(e) => setOther(e.target.value)}
                  aria-invalid={other !== "" && months === null ? true : undefined}
                  aria-describedby="renew-other-msg"
                />
                <p
                  id="renew-other-msg"
                  className={
                    other !== "" && months === null ? "text-sm text-destructive" : "text-xs text-muted-foreground"
                  }
                >
                  {t("otherMonthsHint")}
                </p>
              </div>
            )}
          </fieldset>
        )}

        <div className="grid gap-1.5">
          <Label htmlFor="renew-voucher">{t("voucher")}</Label>
          <Select value={voucherId} onValueChange={setVoucherId}>
            <SelectTrigger id="renew-voucher" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={NO_VOUCHER}>{vouchers.length ? t("noVoucher") : t("noVoucherAvailable")}</SelectItem>
              {vouchers.map((v) => (
                <SelectItem key={v.id} value={v.id}>
                  {t("voucherOption", {
                    amount: formatCNY(v.amount),
                    min: v.minTotal ? t("voucherMin", { min: formatCNY(v.minTotal) }) : t("voucherNoMin"),
                    day: formatDay(v.expiresAt),
                  })}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>

        <section
          aria-label={t("quote")}
          aria-busy={quoting}
          className={cn("grid gap-3 rounded-md border p-3", quoting && "opacity-60")}
        >
          {quoteError && (
            <Alert variant="destructive">
              <AlertDescription>{quoteError}</AlertDescription>
            </Alert>
          )}
          {!quote && !quoteError && (
            <p className="text-sm text-muted-foreground">{months === null ? t("chooseTerm") : tc("loading")}</p>
          )}
          <QuoteView apps={apps} quote={quote} />
        </section>

        <div className="flex items-start gap-2">
          <Checkbox id="renew-sla" checked={agree} onCheckedChange={(c) => setAgree(c === true)} className="mt-0.5" />
          <Label htmlFor="renew-sla" className="font-normal leading-snug">
            {t("agreeSla")}
          </Label>
          <AgreementLink />
        </div>

        {placeError && (
          <Alert variant="destructive">
            <AlertDescription>
              <p>{placeError.message}</p>
              {placeError.code === "insufficient_balance" && (
                <Link href={topUpHref(quote?.shortfall)} className="font-medium underline">
                  {t("toBalance")}
                </Link>
              )}
            </AlertDescription>
          </Alert>
        )}

        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onClose(false)}>
            {tc("cancel")}
          </Button>
          <Button type="button" disabled={!canPay} onClick={pay}>
            {pending ? tc("loading") : quote ? t("confirmPay", { total: formatCNY(quote.total) }) : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
