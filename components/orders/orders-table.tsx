"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isZero } from "@/components/buy/money";
import { OrderLines } from "./order-lines";
import type { OrderJson } from "@/lib/wire";

/** One page of the account's orders (filtered and paged on the server): expand an order's lines, open its receipt. */
export function OrdersTable({ orders }: { orders: OrderJson[] }) {
  const t = useTranslations("orders");
  const tm = useTranslations("money");
  const tc = useTranslations("common");
  const [open, setOpen] = useState<Set<string>>(new Set());
  const rows = orders;

  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="grid gap-3">
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8">
              <span className="sr-only">{t("lines")}</span>
            </TableHead>
            <TableHead>{t("col.createdAt")}</TableHead>
            <TableHead>{tm("orderNo")}</TableHead>
            <TableHead>{t("col.type")}</TableHead>
            <TableHead>{t("col.apps")}</TableHead>
            <TableHead className="text-right">{t("col.total")}</TableHead>
            <TableHead>{t("col.paid")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("col.actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((o) => {
            const expanded = open.has(o.id);
            const apps = [...new Map(o.lines.map((l) => [l.sdkAppId, l.appName])).entries()];
            const paid = [
              ["paidCash", o.paid.cash],
              ["paidGift", o.paid.gift],
              ["paidVoucher", o.paid.voucher],
            ].filter(([, v]) => !isZero(v!));
            return (
              <Fragment key={o.id}>
                <TableRow data-testid={`order-row-${o.id}`}>
                  <TableCell>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-7"
                      aria-expanded={expanded}
                      aria-controls={`lines-${o.id}`}
                      aria-label={expanded ? t("hideLines") : t("showLines")}
                      onClick={() => toggle(o.id)}
                    >
                      {expanded ? <ChevronDown /> : <ChevronRight />}
                    </Button>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(o.createdAt)}</TableCell>
                  <TableCell>
                    <Link
                      href={`/orders/${o.id}`}
                      className="whitespace-nowrap font-mono text-xs text-primary hover:underline"
                      data-testid="order-no"
                    >
                      {o.orderNo}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      <Badge variant="outline">{t(`type.${o.type}`)}</Badge>
                      {o.autoRenewal && (
                        <Badge variant="secondary" data-testid="auto-renewal">
                          {tm("autoRenewal")}
                        </Badge>
                      )}
                      {o.status !== "paid" && (
                        <Badge variant={o.status === "pending_review" ? "warning" : "outline"}>
                          {tm(`status.${o.status}`)}
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    {apps.map(([id, name]) => (
                      <div key={id} className="whitespace-nowrap">
                        {name} <span className="font-mono text-xs text-muted-foreground">{id}</span>
                      </div>
                    ))}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">
                    {formatCNY(o.total)}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">
                    {paid.length === 0
                      ? "—"
                      : paid.map(([k, v]) => (
                          <div key={k} className="whitespace-nowrap tabular-nums">
                            {t(k!, { amount: formatCNY(v!) })}
                          </div>
                        ))}
                  </TableCell>
                  <TableCell className="text-right">
                    <Button asChild variant="link" size="sm">
                      <Link href={`/orders/${o.id}`}>{t("receipt")}</Link>
                    </Button>
                  </TableCell>
                </TableRow>
                {expanded && (
                  <TableRow id={`lines-${o.id}`} className="bg-muted/20 hover:bg-muted/20">
                    <TableCell colSpan={8} className="p-3">
                      <OrderLines lines={o.lines} label={`${t("lines")} ${o.orderNo}`} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={8} className="py-8 text-center text-muted-foreground">
                {tc("noMatch")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
