import { getTranslations } from "next-intl/server";
import { formatCNY, formatDateTime } from "@/lib/format";
import type { OrderJson, RefundJson } from "@/lib/wire";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TableCard } from "@/components/table-card";

/** The order's lines grouped by app: [[sdkAppId, [products…]], …]. */
function byApp(lines: OrderJson["lines"]): [number, string[]][] {
  const m = new Map<number, string[]>();
  for (const l of lines) m.set(l.sdkAppId, [...(m.get(l.sdkAppId) ?? []), l.product]);
  return [...m.entries()];
}

const REFUND_BADGE = { executed: "success", pending_review: "warning", rejected: "destructive" } as const;

/** An account's orders and refunds, as operators see them on the account page. */
export async function AccountHistory({ orders, refunds }: { orders: OrderJson[]; refunds: RefundJson[] }) {
  const t = await getTranslations("admin");
  const tp = await getTranslations("packName");
  const product = (p: string) => (p === "plan" ? t("productPlan") : tp.has(p) ? tp(p) : p);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <TableCard title={t("accountOrders")} isEmpty={orders.length === 0} empty={t("noOrders")}>
        <Table aria-label={t("accountOrders")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("orderNo")}</TableHead>
              <TableHead>{t("at")}</TableHead>
              <TableHead>{t("orderType")}</TableHead>
              <TableHead className="text-right">{t("orderTotal")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {orders.map((o) => (
              <TableRow key={o.id}>
                <TableCell className="whitespace-nowrap font-mono text-xs">{o.orderNo}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(o.createdAt)}</TableCell>
                <TableCell>
                  {t(`orderTypes.${o.type}`)}
                  <div className="text-xs text-muted-foreground">
                    {byApp(o.lines)
                      .map(([id, products]) => `${id}: ${products.map(product).join("、")}`)
                      .join(" · ")}
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap text-right tabular-nums">{formatCNY(o.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableCard>
      <TableCard title={t("accountRefunds")} isEmpty={refunds.length === 0} empty={t("noRefunds")}>
        <Table aria-label={t("accountRefunds")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("refundNo")}</TableHead>
              <TableHead>{t("at")}</TableHead>
              <TableHead>{t("refundWhat")}</TableHead>
              <TableHead className="text-right">{t("orderTotal")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {refunds.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap font-mono text-xs">{r.refundNo}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {formatDateTime(r.requestedAt)}
                </TableCell>
                <TableCell>
                  {r.sdkAppId} {product(r.product)}
                  <div className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
                    {t(`refundModes.${r.mode}`)}
                    <Badge variant={REFUND_BADGE[r.status]}>{t(`refundStatuses.${r.status}`)}</Badge>
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap text-right tabular-nums">{formatCNY(r.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableCard>
    </div>
  );
}
