"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment, useMemo, useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronDown, ChevronRight } from "lucide-react";
import type { OrderJson } from "@/lib/services/order-json";
import { formatCNY, formatDateTime } from "@/lib/format";
import { money } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isZero } from "@/components/buy/money";
import { OrderLines } from "./order-lines";

const TYPES = ["plan", "pack", "renewal"] as const;
type SortKey = "createdAt" | "total";

/** The account's orders, newest first: filter by type, sort by time or total, expand an order's lines. */
export function OrdersTable({ orders }: { orders: OrderJson[] }) {
  const t = useTranslations("orders");
  const tc = useTranslations("common");
  const [type, setType] = useState("all");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "createdAt", dir: -1 });
  const [open, setOpen] = useState<Set<string>>(new Set());

  const rows = useMemo(() => {
    const filtered = orders.filter((o) => type === "all" || o.type === type);
    const cmp = (a: OrderJson, b: OrderJson) =>
      sort.key === "total" ? money(a.total).comparedTo(b.total) : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
    return [...filtered].sort((a, b) => cmp(a, b) * sort.dir);
  }, [orders, type, sort]);

  const header = (key: SortKey, className?: string) => {
    const active = sort.key === key;
    const Icon = !active ? ArrowUpDown : sort.dir === 1 ? ArrowUp : ArrowDown;
    return (
      <TableHead className={className} aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          className="inline-flex items-center gap-1 hover:text-foreground"
          onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : -1 })}
          aria-label={tc("sortBy", { column: t(`col.${key}`) })}
        >
          {t(`col.${key}`)}
          <Icon className="size-3.5" />
        </button>
      </TableHead>
    );
  };

  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Select value={type} onValueChange={setType}>
          <SelectTrigger className="w-40" aria-label={t("filterType")}><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("filterType")}: {tc("all")}</SelectItem>
            {TYPES.map((x) => <SelectItem key={x} value={x}>{t(`type.${x}`)}</SelectItem>)}
          </SelectContent>
        </Select>
        {type !== "all" && <Button variant="ghost" size="sm" onClick={() => setType("all")}>{tc("clearFilters")}</Button>}
      </div>
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8"><span className="sr-only">{t("lines")}</span></TableHead>
            {header("createdAt")}
            <TableHead>{t("col.id")}</TableHead>
            <TableHead>{t("col.type")}</TableHead>
            <TableHead>{t("col.apps")}</TableHead>
            {header("total", "text-right")}
            <TableHead>{t("col.paid")}</TableHead>
            <TableHead><span className="sr-only">{t("col.actions")}</span></TableHead>
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
                    <Button variant="ghost" size="icon" className="size-7" aria-expanded={expanded} aria-controls={`lines-${o.id}`} aria-label={expanded ? t("hideLines") : t("showLines")} onClick={() => toggle(o.id)}>
                      {expanded ? <ChevronDown /> : <ChevronRight />}
                    </Button>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(o.createdAt)}</TableCell>
                  <TableCell><Link href={`/orders/${o.id}`} className="font-mono text-xs text-primary hover:underline" title={o.id}>{o.id.slice(0, 8)}</Link></TableCell>
                  <TableCell><Badge variant="outline">{t(`type.${o.type}`)}</Badge></TableCell>
                  <TableCell>
                    {apps.map(([id, name]) => (
                      <div key={id} className="whitespace-nowrap">{name} <span className="font-mono text-xs text-muted-foreground">{id}</span></div>
                    ))}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">{formatCNY(o.total)}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">
                    {paid.length === 0 ? "—" : paid.map(([k, v]) => <div key={k} className="whitespace-nowrap tabular-nums">{t(k!, { amount: formatCNY(v!) })}</div>)}
                  </TableCell>
                  <TableCell className="text-right">
                    <Button asChild variant="link" size="sm"><Link href={`/orders/${o.id}`}>{t("receipt")}</Link></Button>
                  </TableCell>
                </TableRow>
                {expanded && (
                  <TableRow id={`lines-${o.id}`} className="bg-muted/20 hover:bg-muted/20">
                    <TableCell colSpan={8} className="p-3">
                      <OrderLines lines={o.lines} label={`${t("lines")} ${o.id.slice(0, 8)}`} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={8} className="py-8 text-center text-muted-foreground">{tc("noMatch")}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <p className="text-xs text-muted-foreground">{t("count", { count: rows.length })}</p>
    </div>
  );
}
