"use client";

import { AgreementLink } from "@/components/agreement-link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { AlertTriangle } from "lucide-react";
import { placeOrderAction } from "@/app/(customer)/orders/actions";
import type { PaidEdition, PriceBook } from "@/lib/billing/price-book";
import { formatCNY, formatExpiryDay } from "@/lib/format";
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
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useServerAction } from "@/components/use-server-action";
import { ChangeSummary, isNegative, isZero, magnitude } from "./change-summary";
import { EditionChoice, termMonths, TermChoice, type Term } from "./choices";
import {
  fitSelection,
  offeredPacks,
  PackChoice,
  useTierLabel,
  type CurrentPack,
  type PackSelection,
} from "./pack-choice";
import { useChangeQuote, type ChangeBody } from "./use-change-quote";

export type ChangeApp = {
  sdkAppId: number;
  name: string;
  edition: PaidEdition;
  expiresAt: string;
  packs: CurrentPack[];
};

function newKey(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** 变更套餐: the current plan, the new choice, the server's quote with refund and net, and one confirm. */
export function ChangeForm({ app, book }: { app: ChangeApp; book: PriceBook }) {
  const tm = useTranslations("money");
  const t = useTranslations("change");
  const te = useTranslations("edition");
  const tp = useTranslations("packName");
  const tc = useTranslations("common");
  const terr = useTranslations("errors");
  const tierLabel = useTierLabel();
  const router = useRouter();
  const [edition, setEdition] = useState<PaidEdition>(app.edition);
  const [term, setTerm] = useState<Term>({ kind: "preset", months: 1 });
  const [packs, setPacks] = useState<PackSelection>(() =>
    fitSelection(
      book,
      app.edition,
      Object.fromEntries(
        app.packs.filter((p) => offeredPacks(book, app.edition).some((o) => o === p.pack)).map((p) => [p.pack, p.tier]),
      ),
    ),
  );
  const [sla, setSla] = useState(false);
  const [slaError, setSlaError] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [key, setKey] = useState(newKey);
  const placeAction = useServerAction(placeOrderAction, {
    errors: "inline",
    onError: (e) => setPlaceError(e.message),
    success: (r) =>
      r.status === "pending_review" ? tm("changeQueued", { no: r.orderNo }) : tm("changedToast", { no: r.orderNo }),
    onSuccess: (r) => {
      setKey(newKey());
      router.push(`/orders/${r.id}`);
    },
    refresh: false,
  });
  const placing = placeAction.pending;

  const months = termMonths(term);
  const chosen = offeredPacks(book, edition)
    .filter((p) => p in packs)
    .map((p) => ({ pack: p, tier: packs[p] ?? null }));
  const body: ChangeBody | null = months === null ? null : { sdkAppId: app.sdkAppId, edition, months, packs: chosen };
  const bodyJson = body ? JSON.stringify(body) : "";
  const quote = useChangeQuote(body, terr("internal"));
  const shown = quote.kind === "ok" ? quote.quote : quote.kind === "loading" ? quote.previous : null;
  const ready = quote.kind === "ok" && isZero(quote.quote.shortfall);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed order clears the last error
  useEffect(() => setPlaceError(null), [bodyJson]);

  function chooseEdition(e: PaidEdition) {
    setEdition(e);
    setPacks((s) => fitSelection(book, e, s));
  }

  function askConfirm() {
    if (!sla) return setSlaError(true);
    setConfirming(true);
  }

  function place() {
    if (!body) return;
    placeAction.run("change", { ...body, agreeSla: true }, key);
  }

  const net = shown ? (shown.net ?? shown.total) : null;

  return (
    <div className="grid grid-cols-1 gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("current.title")}</CardTitle>
          <CardDescription>{t("current.app", { name: app.name, sdkAppId: app.sdkAppId })}</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted-foreground">{t("current.edition")}</dt>
              <dd className="font-medium" data-testid="current-edition">
                {te(app.edition)}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("current.expires")}</dt>
              <dd className="font-medium">{formatExpiryDay(app.expiresAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("current.packs")}</dt>
              <dd className="font-medium">
                {app.packs.length === 0
                  ? t("current.noPacks")
                  : app.packs
                      .map((p) =>
                        [tp.has(p.pack) ? tp(p.pack) : p.pack, tierLabel(p.pack, p.tier)].filter(Boolean).join(" · "),
                      )
                      .join("、")}
              </dd>
            </div>
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("new.title")}</CardTitle>
          <CardDescription>{t("new.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-6">
          <EditionChoice value={edition} current={app.edition} book={book} onChange={chooseEdition} />
          <TermChoice value={term} onChange={setTerm} />
          <PackChoice book={book} edition={edition} value={packs} current={app.packs} onChange={setPacks} />
        </CardContent>
      </Card>

      <Card role="region" aria-label={t("summary.title")}>
        <CardHeader>
          <CardTitle>{t("summary.title")}</CardTitle>
          <CardDescription>{t("summary.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-5" aria-busy={quote.kind === "loading"}>
          {quote.kind === "refused" && (
            <Alert variant="destructive">
              <AlertTriangle />
              <AlertDescription>
                <p>{quote.message}</p>
              </AlertDescription>
            </Alert>
          )}
          {months === null && <p className="text-sm text-muted-foreground">{t("term.otherError")}</p>}
          {!shown && quote.kind === "loading" && <Skeleton className="h-48 w-full" />}
          {shown && quote.kind !== "refused" && <ChangeSummary quote={shown} />}
          {shown && quote.kind === "ok" && !isZero(shown.shortfall) && (
            <Alert variant="destructive">
              <AlertDescription>
                <p>{t("shortfall", { shortfall: formatCNY(shown.shortfall) })}</p>
              </AlertDescription>
            </Alert>
          )}
          {placeError && (
            <Alert variant="destructive">
              <AlertDescription>
                <p>{placeError}</p>
              </AlertDescription>
            </Alert>
          )}
          <div className="grid gap-1">
            <div className="flex items-start gap-2">
              <Checkbox
                id="change-sla"
                checked={sla}
                onCheckedChange={(v) => {
                  setSla(v === true);
                  setSlaError(false);
                }}
                aria-invalid={slaError || undefined}
                aria-describedby={slaError ? "change-sla-error" : undefined}
              />
              <Label htmlFor="change-sla" className="leading-snug">
                {t("sla")}
              </Label>
              <AgreementLink />
            </div>
            {slaError && (
              <p id="change-sla-error" className="text-sm text-destructive">
                {t("slaRequired")}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-center justify-end gap-3">
            {net && (
              <p className="text-sm text-muted-foreground">
                {isNegative(net)
                  ? t("netRefundShort", { amount: formatCNY(magnitude(net)) })
                  : t("netPayShort", { amount: formatCNY(net) })}
              </p>
            )}
            <Button onClick={askConfirm} disabled={!ready || placing}>
              {placing ? tc("loading") : t("submit")}
            </Button>
          </div>
        </CardContent>
      </Card>

      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        {shown && net && (
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("confirm.title")}</AlertDialogTitle>
              <AlertDialogDescription>
                {t("confirm.what", {
                  name: app.name,
                  sdkAppId: app.sdkAppId,
                  from: te(app.edition),
                  to: te(edition),
                  months: months ?? 0,
                })}
              </AlertDialogDescription>
            </AlertDialogHeader>
            <div className="grid gap-1 text-sm">
              <p>
                {t("confirm.amounts", {
                  refund: formatCNY(shown.refund?.total ?? "0.00"),
                  total: formatCNY(shown.total),
                })}
              </p>
              <p className="font-medium" data-testid="confirm-net">
                {isNegative(net)
                  ? t("confirm.netRefund", { amount: formatCNY(magnitude(net)) })
                  : t("confirm.netPay", { amount: formatCNY(net) })}
              </p>
            </div>
            <AlertDialogFooter>
              <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
              <AlertDialogAction onClick={place}>{t("confirm.action")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        )}
      </AlertDialog>
    </div>
  );
}
