"use client";

import { useTranslations } from "next-intl";
import { formatCNY } from "@/lib/format";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useRefundLabels } from "./labels";
import type { PreviewJson } from "@/lib/wire";

/** A preview line, or a stored refund line (whose note is plain text). */
type Line = Omit<PreviewJson["lines"][number], "note"> & { note?: string };

/** R-REF-7: each order of the refund with paid, used, refund and the cash/gift split; totals below. */
export function RefundLinesTable({
  lines,
  total,
  cash,
  gift,
  label,
}: {
  lines: Line[];
  total: string;
  cash: string;
  gift: string;
  label: string;
}) {
  const t = useTranslations("refunds");
  const l = useRefundLabels();
  const num = "text-right tabular-nums whitespace-nowrap";
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("col.order")}</TableHead>
          <TableHead>{t("col.product")}</TableHead>
          <TableHead className="text-right">{t("col.paid")}</TableHead>
          <TableHead className="text-right">{t("col.used")}</TableHead>
          <TableHead className="text-right">{t("col.amount")}</TableHead>
          <TableHead className="text-right">{t("col.cash")}</TableHead>
          <TableHead className="text-right">{t("col.gift")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line, i) => (
          <TableRow
            key={`${line.orderId}-${line.product}-${i}`}
            data-testid="refund-line"
            className={line.note ? "text-muted-foreground" : undefined}
          >
            <TableCell className="whitespace-nowrap font-mono text-xs" title={line.orderId}>
              {"orderNo" in line && line.orderNo ? String(line.orderNo) : l.shortId(line.orderId)}
            </TableCell>
            <TableCell>
              <div>{l.product(line.product)}</div>
              {line.note && (
                <div className="text-xs text-warning-foreground">
                  {t.has(`note.${line.note}`) ? t(`note.${line.note}`) : line.note}
                </div>
              )}
            </TableCell>
            <TableCell className={num}>{formatCNY(line.paid)}</TableCell>
            <TableCell className={num}>{formatCNY(line.used)}</TableCell>
            <TableCell className={`${num} font-medium`}>{formatCNY(line.amount)}</TableCell>
            <TableCell className={num}>{formatCNY(line.cash)}</TableCell>
            <TableCell className={num}>{formatCNY(line.gift)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={4}>{t("preview.total")}</TableCell>
          <TableCell className={num} data-testid="refund-total">
            {formatCNY(total)}
          </TableCell>
          <TableCell className={num} data-testid="refund-cash">
            {formatCNY(cash)}
          </TableCell>
          <TableCell className={num} data-testid="refund-gift">
            {formatCNY(gift)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
