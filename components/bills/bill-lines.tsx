import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCNY } from "@/lib/format";
import { money, sumMoney, toMoneyString } from "@/lib/money";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { evidenceText } from "./evidence";
import type { BillJson } from "@/lib/wire";

/** A bill's lines grouped by app, each with its evidence and the app's subtotal. */
export async function BillLinesByApp({ bill }: { bill: BillJson }) {
  const t = await getTranslations("bills");
  const apps = [...new Map(bill.lines.map((l) => [l.sdkAppId, l.appName])).entries()];
  if (apps.length === 0) return <p className="text-sm text-muted-foreground">{t("noLines")}</p>;
  return (
    <div className="grid grid-cols-1 gap-4 *:min-w-0">
      {apps.map(([sdkAppId, name]) => {
        const lines = bill.lines.filter((l) => l.sdkAppId === sdkAppId);
        const subtotal = toMoneyString(sumMoney(lines.map((l) => money(l.amount))));
        return (
          <Card key={sdkAppId} id={`app-${sdkAppId}`} data-testid="bill-app" className="break-inside-avoid">
            <CardHeader>
              <CardTitle className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/apps/${sdkAppId}`} className="underline-offset-4 hover:underline">
                  {name}
                </Link>
                <span className="font-mono text-sm text-muted-foreground">{sdkAppId}</span>
              </CardTitle>
              <CardDescription>
                {t("subtotal")}: <span className="font-medium text-foreground tabular-nums">{formatCNY(subtotal)}</span>
              </CardDescription>
            </CardHeader>
            <CardContent className="overflow-x-auto">
              <Table aria-label={`${name} ${sdkAppId}`}>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("line.item")}</TableHead>
                    <TableHead className="text-right">{t("line.quantity")}</TableHead>
                    <TableHead className="hidden text-right sm:table-cell">{t("line.unitPrice")}</TableHead>
                    <TableHead className="text-right">{t("line.amount")}</TableHead>
                    <TableHead className="hidden min-w-64 md:table-cell">{t("line.evidence")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((l, i) => (
                    <TableRow key={i} data-testid="bill-line">
                      <TableCell className="font-medium">
                        {t(`item.${l.item}`)}
                        <p
                          className={
                            "mt-1 max-w-48 whitespace-normal text-xs font-normal text-muted-foreground md:hidden"
                          }
                        >
                          {evidenceText(t, l)}
                        </p>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        {l.quantity} <span className="text-xs text-muted-foreground">{t(`unit.${l.item}`)}</span>
                      </TableCell>
                      <TableCell className="hidden text-right tabular-nums sm:table-cell">
                        {formatCNY(l.unitPrice)}
                      </TableCell>
                      <TableCell className="text-right font-medium tabular-nums">{formatCNY(l.amount)}</TableCell>
                      <TableCell className="hidden whitespace-normal text-sm text-muted-foreground md:table-cell">
                        {evidenceText(t, l)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFooter>
                  <TableRow>
                    <TableCell colSpan={2}>{t("subtotal")}</TableCell>
                    <TableCell className="hidden sm:table-cell" />
                    <TableCell className="text-right font-semibold tabular-nums">{formatCNY(subtotal)}</TableCell>
                    <TableCell className="hidden md:table-cell" />
                  </TableRow>
                </TableFooter>
              </Table>
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
