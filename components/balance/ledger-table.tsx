"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import type { LedgerRowView } from "./types";

/** Translates a ledger kind: this page's names first, then the shared ones, else the raw kind. */
export function useKindLabel() {
  const t = useTranslations("balance");
  const tk = useTranslations("ledgerKind");
  return (kind: string) => (t.has(`kind.${kind}`) ? t(`kind.${kind}`) : tk.has(kind) ? tk(kind) : kind);
}

function Delta({ value }: { value: string }) {
  const zero = /^-?0(\.0+)?$/.test(value);
  const neg = value.startsWith("-");
  return (
    <span className={cn("tabular-nums", zero ? "text-muted-foreground" : neg ? "text-foreground" : "text-success")}>
      {zero ? "—" : `${neg ? "" : "+"}${formatCNY(value)}`}
    </span>
  );
}

/** 收支明细: newest first, filterable by kind; order rows link to their order. */
export function LedgerTable({ rows }: { rows: LedgerRowView[] }) {
  const t = useTranslations("balance");
  const tc = useTranslations("common");
  const tm = useTranslations("money");
  const kindLabel = useKindLabel();
  const [kind, setKind] = useState("all");
  const kinds = useMemo(() => [...new Set(rows.map((r) => r.kind))].sort(), [rows]);
  const visible = kind === "all" ? rows : rows.filter((r) => r.kind === kind);

  return (
    <div className="grid gap-3">
      <Select value={kind} onValueChange={setKind}>
        <SelectTrigger className="w-44" aria-label={t("filterKind")}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="all">
            {t("filterKind")}: {tc("all")}
          </SelectItem>
          {kinds.map((k) => (
            <SelectItem key={k} value={k}>
              {kindLabel(k)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Table aria-label={t("ledger")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("col.at")}</TableHead>
            <TableHead>{t("col.kind")}</TableHead>
            <TableHead className="text-right">{t("col.cash")}</TableHead>
            <TableHead className="text-right">{t("col.gift")}</TableHead>
            <TableHead className="text-right">{t("col.after")}</TableHead>
            <TableHead>{t("col.reference")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {visible.map((r) => (
            <TableRow key={r.id}>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(r.at)}</TableCell>
              <TableCell className="whitespace-nowrap">{kindLabel(r.kind)}</TableCell>
              <TableCell className="whitespace-nowrap text-right">
                <Delta value={r.cashDelta} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-right">
                <Delta value={r.giftDelta} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">
                {formatCNY(r.after)}
              </TableCell>
              <TableCell className="min-w-40">
                {r.refType === "order" && r.refId ? (
                  <span className="inline-flex flex-wrap items-center gap-1">
                    <Link
                      href={`/orders/${r.refId}`}
                      className="whitespace-nowrap text-primary hover:underline"
                      data-testid="ledger-order-no"
                    >
                      {t("orderRef", { id: r.refNo ?? r.refId })}
                    </Link>
                    {r.autoRenewal && <Badge variant="secondary">{tm("autoRenewal")}</Badge>}
                  </span>
                ) : r.refType === "refund" && r.refNo ? (
                  <Link
                    href={`/refunds?q=${encodeURIComponent(r.refNo)}`}
                    className="whitespace-nowrap text-primary hover:underline"
                    data-testid="ledger-refund-no"
                  >
                    {t("refundRef", { no: r.refNo })}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">{r.note || "—"}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
          {visible.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                {tc("noMatch")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
