"use client";

import { AgreementLink } from "@/components/agreement-link";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { AppWindow } from "lucide-react";
import { toast } from "sonner";
import { placeOrderAction } from "@/app/(customer)/orders/actions";
import { PACK_NAMES, type PaidEdition } from "@/lib/billing/price-book";
import { formatCNY, formatExpiryDay } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import { CreateAppForm } from "@/components/apps/create-app-form";
import { useServerAction } from "@/components/use-server-action";
import { AppPicker } from "./app-picker";
import { ConfirmOrder } from "./confirm-order";
import { EditionCards } from "./edition-cards";
import { EditionCompare } from "./edition-compare";
import { OrderSummary } from "./order-summary";
import { PackPicker, tierFor, type PackSelection } from "./pack-picker";
import { OrderOptions } from "./order-options";
import { BuySection } from "./section";
import { termMonths, TermPicker, type Term } from "./term-picker";
import type { BuyApp, BuyProps, OrderBody } from "./types";
import { useQuote } from "./use-quote";
import { isPositive } from "./money";
import type { AppJson } from "@/lib/wire";

function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The purchase page (购买): choices on the left, the server's live quote and the pay button on the right. */
export function BuyForm({ apps: initialApps, book, vouchers, initialApp, role }: BuyProps) {
  const tm = useTranslations("money");
  const t = useTranslations("buy");
  const te = useTranslations("edition");
  const ts = useTranslations("status");
  const router = useRouter();
  const [apps, setApps] = useState<BuyApp[]>(initialApps);
  const [sdkAppId, setSdkAppId] = useState<number | null>(initialApp);
  const [edition, setEdition] = useState<PaidEdition>("pro");
  const [packs, setPacks] = useState<PackSelection>({});
  const [term, setTerm] = useState<Term>({ kind: "preset", months: 1 });
  const [autoRenew, setAutoRenew] = useState(false);
  const [voucherId, setVoucherId] = useState("none");
  const [sla, setSla] = useState(false);
  const [slaError, setSlaError] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const keyRef = useRef<{ body: string; key: string } | null>(null);
  const slaRef = useRef<HTMLButtonElement>(null);

  const app = apps.find((a) => a.sdkAppId === sdkAppId) ?? null;
  const mode: "plan" | "pack" = app?.validTerm ? "pack" : "plan";
  const packEdition: PaidEdition = mode === "pack" && app && app.edition !== "trial" ? app.edition : edition;
  const months = termMonths(term);
  const voucher = voucherId === "none" ? undefined : voucherId;
  const chosen = PACK_NAMES.filter((p) => p in packs && book.packs[p].tiers[packEdition].length > 0).map((p) => ({
    pack: p,
    tier: tierFor(book.packs[p].tiers[packEdition], packs[p]),
  }));

  let body: OrderBody | null = null;
  if (app && mode === "plan" && months !== null)
    body = {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition,
      months,
      packs: chosen,
      autoRenew,
      ...(voucher ? { voucherId: voucher } : {}),
    };
  if (app && mode === "pack" && chosen[0])
    body = {
      type: "pack",
      sdkAppId: app.sdkAppId,
      pack: chosen[0].pack,
      tier: chosen[0].tier,
      ...(voucher ? { voucherId: voucher } : {}),
    };
  const bodyJson = body ? JSON.stringify(body) : "";
  const quote = useQuote(body);
  const placeAction = useServerAction(placeOrderAction, {
    errors: "inline",
    onError: (e) => {
      setConfirming(false);
      setPlaceError(e.message);
      toast.error(t("confirm.failed"), { description: e.message });
    },
    success: (r) => tm("paidToast", { no: r.orderNo, total: formatCNY(r.total) }),
    onSuccess: (r) => {
      keyRef.current = null;
      router.push(`/orders/${r.id}`);
    },
    refresh: false,
  });
  const placing = placeAction.pending;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed order clears the last error
  useEffect(() => setPlaceError(null), [bodyJson]);

  function chooseApp(id: number) {
    setSdkAppId(id);
    setPacks({});
    window.history.replaceState(null, "", `/buy?app=${id}`);
  }

  function created(a: AppJson) {
    setApps((list) => [{ ...a, validTerm: false }, ...list]);
    chooseApp(a.sdkAppId);
  }

  function buy() {
    if (!sla) {
      setSlaError(true);
      slaRef.current?.focus();
      return;
    }
    setConfirming(true);
  }

  function place() {
    if (!body) return;
    if (keyRef.current?.body !== bodyJson) keyRef.current = { body: bodyJson, key: newIdempotencyKey() };
    const key = keyRef.current.key;
    placeAction.run("buy", { ...body, agreeSla: sla }, key);
  }

  if (apps.length === 0) {
    return (
      <EmptyState
        icon={<AppWindow className="size-8" />}
        title={t("app.emptyTitle")}
        description={t("app.emptyDescription")}
        action={<CreateAppForm label={t("app.create")} onCreated={created} />}
      />
    );
  }

  const expiryDay = app?.expiresAt ? formatExpiryDay(app.expiresAt) : "";
  const modeNote = !app ? null : app.edition === "trial" ? (
    <Alert>
      <AlertDescription>{t("mode.trial")}</AlertDescription>
    </Alert>
  ) : (
    <Alert variant={mode === "pack" ? "default" : "warning"}>
      <AlertDescription>
        <p>
          {mode === "pack"
            ? t("mode.validTerm", { edition: te(app.edition), day: expiryDay })
            : t("mode.noTerm", { edition: te(app.edition), status: ts(app.status) })}
        </p>
        <Link href="/renewals" className="font-medium text-primary hover:underline">
          {t("mode.renewals")}
        </Link>
      </AlertDescription>
    </Alert>
  );
  let step = 1;
  const ready = quote.kind === "ok" && !isPositive(quote.quote.shortfall);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
        <BuySection step={step++} title={t("step.app")}>
          <AppPicker apps={apps} value={sdkAppId} onChange={chooseApp} onCreated={created} />
        </BuySection>
        {modeNote}
        {mode === "plan" && (
          <BuySection step={step++} title={t("step.edition")}>
            <EditionCards book={book} value={edition} onChange={setEdition} />
            <EditionCompare book={book} selected={edition} />
          </BuySection>
        )}
        <BuySection
          step={step++}
          title={t("step.packs")}
          description={
            mode === "pack"
              ? t("packs.single", { day: expiryDay })
              : app?.edition === "trial"
                ? t("packs.trialNote")
                : t("packs.withPlan")
          }
        >
          <PackPicker
            book={book}
            edition={packEdition}
            mode={mode}
            active={mode === "pack" && app ? app.packs : []}
            selected={packs}
            onChange={setPacks}
          />
        </BuySection>
        <BuySection step={step++} title={t("step.term")}>
          {mode === "plan" ? (
            <TermPicker value={term} onChange={setTerm} />
          ) : (
            <div className="grid gap-1 text-sm">
              <p className="font-medium">{t("term.coterminous", { day: expiryDay })}</p>
              <p className="text-xs text-muted-foreground">{t("term.coterminousHint")}</p>
            </div>
          )}
        </BuySection>
        <BuySection step={step++} title={t("step.options")}>
          <OrderOptions
            plan={mode === "plan"}
            autoRenew={autoRenew}
            onAutoRenew={setAutoRenew}
            vouchers={vouchers}
            voucherId={voucherId}
            onVoucher={setVoucherId}
          />
        </BuySection>
        {quote.kind === "ok" && (
          <div
            className={
              "sticky bottom-0 z-10 -mx-4 flex md:mx-0 md:rounded-lg md:border items-center " +
              "justify-between gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur lg:hidden"
            }
          >
            <span className="text-sm text-muted-foreground">
              {t("summary.total")}{" "}
              <span className="text-lg font-semibold tabular-nums text-orange-600">{formatCNY(quote.quote.total)}</span>
            </span>
            <Button asChild size="sm">
              <a href="#buy-summary">{t("summary.review")}</a>
            </Button>
          </div>
        )}
      </div>

      <Card
        id="buy-summary"
        className="scroll-mt-28 gap-4 lg:sticky lg:top-20"
        role="region"
        aria-labelledby="buy-summary-title"
      >
        <CardHeader>
          <CardTitle id="buy-summary-title">{t("summary.title")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <OrderSummary
            app={app}
            state={quote}
            role={role}
            hint={
              !app
                ? null
                : mode === "pack" && !body
                  ? t("summary.pickPack")
                  : months === null
                    ? t("summary.fixTerm")
                    : null
            }
          />
          {placeError && (
            <Alert variant="destructive" data-testid="place-error">
              <AlertDescription>{placeError}</AlertDescription>
            </Alert>
          )}
          <Separator />
          <div className="grid gap-1.5">
            <div className="flex items-start gap-2">
              <Checkbox
                ref={slaRef}
                id="buy-sla"
                className="mt-0.5"
                checked={sla}
                onCheckedChange={(c) => {
                  setSla(c === true);
                  setSlaError(false);
                }}
                aria-invalid={slaError || undefined}
                aria-describedby={slaError ? "buy-sla-error" : undefined}
              />
              <Label htmlFor="buy-sla" className="font-normal leading-snug">
                {t("options.sla")}
              </Label>
              <AgreementLink />
            </div>
            {slaError && (
              <p id="buy-sla-error" className="text-sm text-destructive">
                {t("options.slaRequired")}
              </p>
            )}
          </div>
          <Button size="lg" className="w-full" disabled={!ready || placing} onClick={buy}>
            {t("summary.buyNow")}
          </Button>
        </CardContent>
      </Card>

      {app && quote.kind === "ok" && (
        <ConfirmOrder
          open={confirming}
          onOpenChange={(o) => !placing && setConfirming(o)}
          app={app}
          quote={quote.quote}
          pending={placing}
          onConfirm={place}
        />
      )}
    </div>
  );
}
