import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BillStatusBadge } from "./status-badge";
import type { BillJson } from "@/lib/wire";

/** The account's bills, newest month first (the order of GET /bills). */
export async function BillsTable({ bills }: { bills: BillJson[] }) {
  const t = await getTranslations("bills");
  return (
    <Table aria-label={t("title")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("col.month")}</TableHead>
          <TableHead className="hidden sm:table-cell">{t("col.no")}</TableHead>
          <TableHead>{t("col.status")}</TableHead>
          <TableHead className="text-right">{t("col.total")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("col.apps")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("col.pushedAt")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("col.deductedAt")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("col.open")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {bills.map((b) => (
          <TableRow key={b.id} data-testid="bill-row">
            <TableCell className="font-medium">
              <Link href={`/bills/${b.id}`} className="underline-offset-4 hover:underline">
                {b.month}
              </Link>
            </TableCell>
            <TableCell className="hidden font-mono text-xs sm:table-cell">{b.billNo}</TableCell>
            <TableCell>
              <BillStatusBadge status={b.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCNY(b.total)}</TableCell>
            <TableCell className="hidden md:table-cell">{new Set(b.lines.map((l) => l.sdkAppId)).size}</TableCell>
            <TableCell className="hidden md:table-cell">{formatDateTime(b.pushedAt)}</TableCell>
            <TableCell className="hidden lg:table-cell">{formatDateTime(b.deductedAt)}</TableCell>
            <TableCell className="text-right">
              <Link
                href={`/bills/${b.id}`}
                className="text-sm font-medium text-primary underline-offset-4 hover:underline"
              >
                {t("view")}
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
