import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { VoucherJson, VoucherState } from "@/lib/wire";

const STATES: VoucherState[] = ["available", "used", "expired"];

/** The account's vouchers (R-PROMO-3) in three tabs: available, used, expired. */
export async function VoucherTabs({ vouchers }: { vouchers: VoucherJson[] }) {
  const t = await getTranslations("vouchers");
  const by = (s: VoucherState) => vouchers.filter((v) => v.state === s);
  return (
    <Tabs defaultValue="available">
      <TabsList aria-label={t("title")}>
        {STATES.map((s) => (
          <TabsTrigger key={s} value={s}>
            {t(`state.${s}`)} ({by(s).length})
          </TabsTrigger>
        ))}
      </TabsList>
      {STATES.map((s) => (
        <TabsContent key={s} value={s}>
          {by(s).length === 0 ? (
            <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
              {t(`empty.${s}`)}
            </p>
          ) : (
            <Table aria-label={t(`state.${s}`)}>
              <TableHeader>
                <TableRow>
                  <TableHead className="text-right">{t("col.amount")}</TableHead>
                  <TableHead>{t("col.minTotal")}</TableHead>
                  <TableHead>{t("col.expiresAt")}</TableHead>
                  <TableHead>{s === "used" ? t("col.usedOn") : t("col.issuedAt")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {by(s).map((v) => (
                  <TableRow key={v.id}>
                    <TableCell className="text-right font-medium tabular-nums">{formatCNY(v.amount)}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {v.minTotal ? t("minTotal", { amount: formatCNY(v.minTotal) }) : t("noMin")}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{formatDateTime(v.expiresAt)}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s === "used" && v.usedOrderId ? (
                        <span>
                          <Link href={`/orders/${v.usedOrderId}`} className="text-primary hover:underline">
                            {t("orderRef", { id: v.usedOrderNo ?? v.usedOrderId })}
                          </Link>
                          <span className="text-muted-foreground">
                            {" "}
                            · {t("usedAmount", { amount: formatCNY(v.usedAmount ?? "0") })} · {formatDateTime(v.usedAt)}
                          </span>
                        </span>
                      ) : (
                        <span className="text-muted-foreground">{formatDateTime(v.issuedAt)}</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </TabsContent>
      ))}
    </Tabs>
  );
}
