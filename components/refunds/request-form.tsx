"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { AlertTriangle, Info, Undo2 } from "lucide-react";
import { previewRefundAction, requestRefundAction } from "@/app/(customer)/refunds/actions";
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
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useServerAction } from "@/components/use-server-action";
import { useRefundLabels } from "./labels";
import { ModeChoice, type RefundMode } from "./mode-choice";
import { RefundLinesTable } from "./preview-table";
import type { PreviewJson } from "@/lib/wire";

/** A paid app the customer may ask a refund for, with its active prepaid packs. */
export type RefundableApp = { sdkAppId: number; name: string; edition: string; status: string; packs: string[] };

type Preview = { preview: PreviewJson; review: "amount" | "frequency" | null };
type PreviewState =
  | { kind: "idle" }
  | { kind: "loading"; previous: Preview | null }
  | { kind: "ok"; data: Preview }
  | { kind: "error"; message: string };

/** 退费: choose app, product and mode; the server's preview after every change; confirm names the amount. */
export function RefundRequestForm({
  apps,
  initialApp,
  fiveDayUsed,
}: {
  apps: RefundableApp[];
  initialApp: number | null;
  fiveDayUsed: boolean;
}) {
  const tm = useTranslations("money");
  const t = useTranslations("refunds");
  const te = useTranslations("edition");
  const ts = useTranslations("status");
  const terr = useTranslations("errors");
  const tc = useTranslations("common");
  const l = useRefundLabels();
  const [sdkAppId, setSdkAppId] = useState<number | null>(initialApp);
  const [product, setProduct] = useState("plan");
  const [mode, setMode] = useState<RefundMode>("standard");
  const [state, setState] = useState<PreviewState>(
    initialApp !== null ? { kind: "loading", previous: null } : { kind: "idle" },
  );
  const [nonce, setNonce] = useState(0);
  // Whatever the answer, the preview is asked again: the refund changed it, or the refusal may have.
  const request = useServerAction(requestRefundAction, {
    success: (r) =>
      r.status === "executed"
        ? tm("refundExecutedToast", { no: r.refundNo, total: formatCNY(r.total) })
        : tm("refundPendingToast", { no: r.refundNo, total: formatCNY(r.total) }),
    onError: () => setNonce((n) => n + 1),
    onSuccess: () => setNonce((n) => n + 1),
  });
  const submitting = request.pending;
  const seq = useRef(0);

  const app = apps.find((a) => a.sdkAppId === sdkAppId) ?? null;
  const products = app ? ["plan", ...app.packs] : [];
  const chosenProduct = products.includes(product) ? product : "plan";

  const appId = app?.sdkAppId ?? null;
  const failed = terr("internal");

  // Every change asks the server again; only the newest answer is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `nonce` is the retry button asking again
  useEffect(() => {
    const mine = ++seq.current;
    if (appId === null) return void setState({ kind: "idle" });
    setState((s) => ({
      kind: "loading",
      previous: s.kind === "ok" ? s.data : s.kind === "loading" ? s.previous : null,
    }));
    previewRefundAction({ sdkAppId: appId, product: chosenProduct, mode })
      .then((r) => {
        if (mine !== seq.current) return;
        setState(r.ok ? { kind: "ok", data: r.data } : { kind: "error", message: r.error.message });
      })
      .catch(() => mine === seq.current && setState({ kind: "error", message: failed }));
  }, [appId, chosenProduct, mode, nonce, failed]);

  if (apps.length === 0) {
    return (
      <EmptyState
        icon={<Undo2 className="size-6" />}
        title={t("emptyAppsTitle")}
        description={t("emptyAppsDescription")}
        action={
          <Button asChild variant="outline">
            <Link href="/buy">{t("goBuy")}</Link>
          </Button>
        }
      />
    );
  }

  function chooseApp(id: string) {
    setSdkAppId(Number(id));
    setProduct("plan");
    window.history.replaceState(null, "", `/refunds?app=${id}`);
  }

  const shown = state.kind === "ok" ? state.data : state.kind === "loading" ? state.previous : null;
  const p = shown?.preview;
  const reasonText = (reason: string) =>
    t.has(`reason.${reason}`)
      ? t(`reason.${reason}`, { sdkAppId: app?.sdkAppId ?? "", product: l.product(chosenProduct) })
      : terr("not_eligible");
  const otherMode: RefundMode = mode === "five_day" ? "standard" : "five_day";
  const suggestOther = p && !p.eligible && (p.reason === "five_day_used" || p.reason === "five_day_window_passed");
  const canConfirm = state.kind === "ok" && state.data.preview.eligible && app !== null;

  function confirm() {
    if (!app) return;
    request.run({ sdkAppId: app.sdkAppId, product: chosenProduct, mode });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("request.title")}</CardTitle>
        <CardDescription>{t("request.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-6">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div className="grid gap-2">
            <Label htmlFor="refund-app">{t("request.app")}</Label>
            <Select value={sdkAppId ? String(sdkAppId) : undefined} onValueChange={chooseApp}>
              <SelectTrigger id="refund-app" className="w-full min-w-0 [&>span]:min-w-0">
                <SelectValue placeholder={t("request.appPlaceholder")} />
              </SelectTrigger>
              <SelectContent>
                {apps.map((a) => (
                  <SelectItem key={a.sdkAppId} value={String(a.sdkAppId)}>
                    <span className="truncate">
                      {t("request.appOption", {
                        name: a.name,
                        sdkAppId: a.sdkAppId,
                        edition: te(a.edition),
                        status: ts(a.status),
                      })}
                    </span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="grid gap-2">
            <Label htmlFor="refund-product">{t("request.product")}</Label>
            <Select value={chosenProduct} onValueChange={setProduct} disabled={!app}>
              <SelectTrigger id="refund-product" className="w-full min-w-0">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {products.map((x) => (
                  <SelectItem key={x} value={x}>
                    {x === "plan" && app ? t("product.planOf", { edition: te(app.edition) }) : l.product(x)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        </div>

        <ModeChoice value={mode} onChange={setMode} fiveDayUsed={fiveDayUsed} />

        {app && chosenProduct === "plan" && p?.eligible !== false && (
          <Alert variant="warning">
            <AlertTriangle />
            <AlertDescription>
              <p>{t("request.planWarning")}</p>
            </AlertDescription>
          </Alert>
        )}

        <section
          aria-labelledby="refund-preview-title"
          className="grid grid-cols-1 gap-3"
          aria-busy={state.kind === "loading"}
        >
          <h2 id="refund-preview-title" className="font-semibold">
            {t("preview.title")}
          </h2>
          {state.kind === "error" && (
            <Alert variant="destructive">
              <AlertDescription>
                <p>{state.message}</p>
              </AlertDescription>
            </Alert>
          )}
          {!p && state.kind === "loading" && <Skeleton className="h-28 w-full" />}
          {p && !p.eligible && p.reason && (
            <Alert variant="warning" data-testid="refund-not-eligible">
              <Info />
              <AlertDescription>
                <p>{reasonText(p.reason)}</p>
                {suggestOther && (
                  <Button variant="outline" size="sm" onClick={() => setMode(otherMode)}>
                    {t("preview.tryOther", { mode: l.mode(otherMode) })}
                  </Button>
                )}
              </AlertDescription>
            </Alert>
          )}
          {p && p.lines.length > 0 && (
            <RefundLinesTable lines={p.lines} total={p.total} cash={p.cash} gift={p.gift} label={t("preview.title")} />
          )}
          {p?.eligible && (
            <p className="text-sm" data-testid="refund-summary">
              {t("preview.summary", { total: formatCNY(p.total), cash: formatCNY(p.cash), gift: formatCNY(p.gift) })}
            </p>
          )}
          {shown?.review ? (
            <Alert variant="warning" data-testid="refund-review-note">
              <Info />
              <AlertDescription>
                <p>{t("preview.willReview", { reason: l.reviewReason(shown.review) ?? "" })}</p>
              </AlertDescription>
            </Alert>
          ) : (
            <p className="text-xs text-muted-foreground">{t("preview.reviewRule")}</p>
          )}
        </section>

        <div className="flex flex-wrap items-center justify-end gap-3">
          {mode === "five_day" && <p className="text-xs text-muted-foreground">{t("request.fiveDayOnce")}</p>}
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button disabled={!canConfirm || submitting}>{submitting ? tc("loading") : t("request.submit")}</Button>
            </AlertDialogTrigger>
            {p && app && (
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>{t("confirm.title")}</AlertDialogTitle>
                  <AlertDialogDescription>
                    {t("confirm.what", {
                      name: app.name,
                      sdkAppId: app.sdkAppId,
                      product: l.product(chosenProduct),
                      mode: l.mode(mode),
                    })}
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <div className="grid gap-2 text-sm">
                  <p className="font-medium" data-testid="confirm-amount">
                    {t("confirm.amount", {
                      total: formatCNY(p.total),
                      cash: formatCNY(p.cash),
                      gift: formatCNY(p.gift),
                    })}
                  </p>
                  {chosenProduct === "plan" && <p className="text-muted-foreground">{t("confirm.plan")}</p>}
                  {shown?.review && <p className="text-muted-foreground">{t("confirm.review")}</p>}
                  {mode === "five_day" && <p className="text-muted-foreground">{t("confirm.fiveDay")}</p>}
                </div>
                <AlertDialogFooter>
                  <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
                  <AlertDialogAction onClick={confirm}>
                    {t("confirm.action", { total: formatCNY(p.total) })}
                  </AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            )}
          </AlertDialog>
        </div>
      </CardContent>
    </Card>
  );
}
