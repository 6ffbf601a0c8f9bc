"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatCNY, formatDay, formatExpiryDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useLineLabels } from "@/components/buy/labels";
import { isZero } from "@/components/buy/money";
import type { OrderJson } from "@/lib/wire";

/** An order's lines: app, product, tier, term, period (Shanghai days), list price, campaign, amount. */
export function OrderLines({ lines, label }: { lines: OrderJson["lines"]; label: string }) {
  const t = useTranslations("orders.line");
  const labels = useLineLabels();
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("app")}</TableHead>
          <TableHead>{t("product")}</TableHead>
          <TableHead>{t("tier")}</TableHead>
          <TableHead>{t("months")}</TableHead>
          <TableHead>{t("period")}</TableHead>
          <TableHead className="text-right">{t("list")}</TableHead>
          <TableHead>{t("campaign")}</TableHead>
          <TableHead className="text-right">{t("amount")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((l, i) => (
          <TableRow key={i} data-testid="order-line">
            <TableCell>
              <Link href={`/apps/${l.sdkAppId}`} className="font-medium text-primary hover:underline">
                {l.appName}
              </Link>
              <div className="font-mono text-xs text-muted-foreground">{l.sdkAppId}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">{labels.product(l)}</TableCell>
            <TableCell className="whitespace-nowrap">{labels.tier(l.product, l.tier)}</TableCell>
            <TableCell className="whitespace-nowrap">{labels.months(l)}</TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {formatDay(l.periodStart)} – {formatExpiryDay(l.periodEnd)}
            </TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">{formatCNY(l.listAmount)}</TableCell>
            <TableCell>
              {isZero(l.discountAmount) ? (
                <span className="text-muted-foreground">—</span>
              ) : (
                <div className="grid justify-items-start gap-0.5">
                  <Badge variant="success">{labels.campaign(l)}</Badge>
                  <span className="text-xs tabular-nums text-success">−{formatCNY(l.discountAmount)}</span>
                  {!l.refundable && <span className="text-xs text-muted-foreground">{t("notRefundable")}</span>}
                </div>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">
              {formatCNY(l.amount)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
