import { FactList } from "@/components/fact-list";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ArrowLeft, CircleCheck, Download, ExternalLink, Hourglass, ShoppingCart } from "lucide-react";
import { PrintButton } from "@/components/bills/print-button";
import { ChangeStory } from "@/components/orders/change-story";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { requireCustomer } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatCNY, formatDateTime } from "@/lib/format";
import { getOrder } from "@/lib/services/purchase";
import { OrderLines } from "@/components/orders/order-lines";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { orderJson, type OrderJson } from "@/lib/wire";

type Props = { params: Promise<{ id: string }> };

async function load(accountId: string, raw: string): Promise<OrderJson> {
  if (!z.uuid().safeParse(raw).success) notFound();
  try {
    return orderJson(await getOrder(accountId, raw));
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("receiptTitle") };
}

/** The receipt (收据) of one paid order. */
export default async function ReceiptPage({ params }: Props) {
  const { actor } = await requireCustomer();
  const order = await load(actor.accountId, (await params).id);
  const t = await getTranslations("orders");
  const tm = await getTranslations("money");
  const isZero = (s: string) => /^0+(\.0+)?$/.test(s);
  const apps = [...new Map(order.lines.map((l) => [l.sdkAppId, l.appName])).entries()];
  const versions = [...new Set(order.lines.map((l) => l.priceBookVersion))].join(", ");

  const facts: [string, React.ReactNode][] = [
    [
      tm("orderNo"),
      <span key="id" className="font-mono text-sm break-all" data-testid="order-no">
        {order.orderNo}
      </span>,
    ],
    [t("paidAt"), formatDateTime(order.createdAt)],
    [
      t("col.type"),
      <span key="type" className="inline-flex flex-wrap items-center gap-1">
        {t(`type.${order.type}`)}
        {order.autoRenewal && (
          <Badge variant="secondary" data-testid="auto-renewal">
            {tm("autoRenewal")}
          </Badge>
        )}
      </span>,
    ],
    [t("placedBy"), t(`placedByRole.${order.placedBy}`)],
  ];

  return (
    <div className="grid grid-cols-1 gap-6">
      <Link
        href="/orders"
        className="inline-flex items-center gap-1 print:hidden text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" />
        {t("back")}
      </Link>
      <div
        className={cn(
          "flex flex-wrap items-start gap-4 rounded-xl border p-5",
          order.status === "paid"
            ? "border-success/30 bg-success/5"
            : order.status === "pending_review"
              ? "border-warning/40 bg-warning/10"
              : "bg-muted/40",
        )}
        data-testid="receipt-status"
        data-status={order.status}
      >
        {order.status === "paid" ? (
          <CircleCheck className="size-10 shrink-0 text-success" aria-hidden="true" />
        ) : (
          <Hourglass className="size-10 shrink-0 text-warning-foreground" aria-hidden="true" />
        )}
        <div className="grid min-w-0 flex-1 basis-64 gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">
            {order.status === "paid"
              ? t("receiptTitle")
              : order.status === "pending_review"
                ? tm("pendingTitle")
                : tm("rejectedTitle")}
          </h1>
          <p className="text-sm text-muted-foreground">
            {order.status === "paid"
              ? order.autoRenewal
                ? tm("autoRenewalNote")
                : t("receiptDescription")
              : order.status === "pending_review"
                ? tm("pendingDescription")
                : tm("rejectedDescription", { reason: order.refund?.rejectReason ?? "—" })}
          </p>
        </div>
        <div className="text-right">
          <div className="text-sm text-muted-foreground">{t("total")}</div>
          <div className="text-2xl font-semibold tabular-nums" data-testid="receipt-total">
            {formatCNY(order.total)}
          </div>
        </div>
      </div>

      <Card>
        <CardContent>
          <FactList facts={facts} className="lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("lines")}</CardTitle>
          <CardDescription>{t("priceBook", { version: versions })}</CardDescription>
        </CardHeader>
        <CardContent>
          <OrderLines lines={order.lines} label={t("lines")} />
        </CardContent>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("totals")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-2 text-sm">
              <Row label={t("listTotal")} value={formatCNY(order.listTotal)} />
              {!isZero(order.discountTotal) && (
                <Row label={t("discountTotal")} value={`−${formatCNY(order.discountTotal)}`} />
              )}
              {!isZero(order.voucherAmount) && (
                <Row label={t("voucher")} value={`−${formatCNY(order.voucherAmount)}`} />
              )}
              <div className="flex items-baseline justify-between gap-3 border-t pt-2">
                <dt className="font-medium">{t("total")}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatCNY(order.total)}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("payment")}</CardTitle>
            <CardDescription>{t("paymentOrder")}</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-2 text-sm" data-testid="receipt-paid">
              <Row label={t("paidVoucherLabel")} value={formatCNY(order.paid.voucher)} />
              <Row label={t("paidGiftLabel")} value={formatCNY(order.paid.gift)} />
              <Row label={t("paidCashLabel")} value={formatCNY(order.paid.cash)} />
            </dl>
          </CardContent>
        </Card>
      </div>

      {order.refund && <ChangeStory order={order} />}

      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={tm("print")} />
        <Button asChild variant="outline">
          <a href={`/orders/${order.id}/receipt.csv`} download>
            <Download className="size-4" />
            {tm("receiptCsv")}
          </a>
        </Button>
        {apps.map(([id]) => (
          <Button key={id} asChild variant="outline">
            <Link href={`/apps/${id}`}>
              <ExternalLink className="size-4" />
              {t("openApp", { sdkAppId: id })}
            </Link>
          </Button>
        ))}
        <Button asChild variant="outline">
          <Link href="/orders">{t("back")}</Link>
        </Button>
        <Button asChild>
          <Link href="/buy">
            <ShoppingCart className="size-4" />
            {t("buyMore")}
          </Link>
        </Button>
      </div>
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}
