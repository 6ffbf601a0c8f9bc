"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { VoucherJson, VoucherState } from "@/lib/wire";

export type AdminVoucherRow = VoucherJson & { accountName: string };

const STATES: VoucherState[] = ["available", "used", "expired"];
const VARIANT: Record<VoucherState, "success" | "secondary" | "outline"> = {
  available: "success",
  used: "secondary",
  expired: "outline",
};

/** Every voucher of every account, newest first, filterable by state. */
export function VouchersTable({ vouchers }: { vouchers: AdminVoucherRow[] }) {
  const t = useTranslations("vouchers");
  const tc = useTranslations("common");
  const [state, setState] = useState("all");
  const rows = state === "all" ? vouchers : vouchers.filter((v) => v.state === state);
  return (
    <div className="grid gap-3">
      <Select value={state} onValueChange={setState}>
        <SelectTrigger className="w-40" aria-label={t("filterState")}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="all">
            {t("filterState")}: {tc("all")}
          </SelectItem>
          {STATES.map((s) => (
            <SelectItem key={s} value={s}>
              {t(`state.${s}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Table aria-label={t("listTitle")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("col.account")}</TableHead>
            <TableHead className="text-right">{t("col.amount")}</TableHead>
            <TableHead>{t("col.minTotal")}</TableHead>
            <TableHead>{t("col.state")}</TableHead>
            <TableHead>{t("col.expiresAt")}</TableHead>
            <TableHead>{t("col.issuedAt")}</TableHead>
            <TableHead>{t("col.usedOn")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((v) => (
            <TableRow key={v.id}>
              <TableCell className="font-medium">{v.accountName}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCNY(v.amount)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {v.minTotal ? t("minTotal", { amount: formatCNY(v.minTotal) }) : t("noMin")}
              </TableCell>
              <TableCell>
                <Badge variant={VARIANT[v.state]}>{t(`state.${v.state}`)}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDateTime(v.expiresAt)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(v.issuedAt)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {v.usedOrderId
                  ? `${t("orderRef", { id: v.usedOrderNo ?? v.usedOrderId })} · ${formatCNY(v.usedAmount ?? "0")}`
                  : "—"}
              </TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">
                {vouchers.length ? tc("noMatch") : t("noneIssued")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
