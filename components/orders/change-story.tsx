import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowRight } from "lucide-react";
import { formatCNY } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OrderJson } from "@/lib/wire";

/** R-BUY-3 on the receipt: the refund of the old plan (per line, cash/gift), the purchase, and the net. */
export async function ChangeStory({ order }: { order: OrderJson }) {
  const tm = await getTranslations("money");
  const tr = await getTranslations("refunds");
  const r = order.refund!;
  const net = "net" in order ? order.net! : "0.00";
  const back = net.startsWith("-");
  const tp = await getTranslations("packName");
  const product = (p: string) => (p === "plan" ? tr("product.plan") : tp.has(p) ? tp(p) : p);
  return (
    <Card data-testid="change-story">
      <CardHeader>
        <CardTitle>{tm("changeTitle")}</CardTitle>
        <CardDescription>{tm("changeDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{tm("refundPart")}</span>
          <Link
            href={`/refunds?q=${encodeURIComponent(r.refundNo)}`}
            className="font-mono text-primary hover:underline"
            data-testid="change-refund-no"
          >
            {r.refundNo}
          </Link>
          <Badge variant={r.status === "executed" ? "success" : r.status === "pending_review" ? "warning" : "outline"}>
            {tm(`status.${r.status}`)}
          </Badge>
        </div>
        <div className="overflow-x-auto">
          <Table aria-label={tm("refundPart")}>
            <TableHeader>
              <TableRow>
                <TableHead>{tm("line.product")}</TableHead>
                <TableHead className="text-right">{tm("line.paid")}</TableHead>
                <TableHead className="text-right">{tm("line.used")}</TableHead>
                <TableHead className="text-right">{tm("line.amount")}</TableHead>
                <TableHead className="text-right">{tm("line.cash")}</TableHead>
                <TableHead className="text-right">{tm("line.gift")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.lines.map((l, i) => (
                <TableRow key={i}>
                  <TableCell className="whitespace-nowrap">{product(l.product)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCNY(l.paid)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCNY(l.used)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCNY(l.amount)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCNY(l.cash)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCNY(l.gift)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={3}>{tm("refundPart")}</TableCell>
                <TableCell className="text-right font-medium tabular-nums" data-testid="change-refund-total">
                  {formatCNY(r.total)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCNY(r.cash)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCNY(r.gift)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
        <dl
          className="grid gap-2 rounded-lg border p-3 text-sm sm:max-w-md sm:justify-self-end"
          data-testid="change-net"
        >
          <div className="flex justify-between gap-4">
            <dt className="text-muted-foreground">{tm("purchasePart")}</dt>
            <dd className="tabular-nums">{formatCNY(order.total)}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-muted-foreground">{tm("refundPart")}</dt>
            <dd className="tabular-nums">−{formatCNY(r.total)}</dd>
          </div>
          <div className="flex justify-between gap-4 border-t pt-2 font-semibold">
            <dt>{tm("net")}</dt>
            <dd className="tabular-nums">
              {back ? tm("netBack", { amount: formatCNY(net.slice(1)) }) : tm("netPaid", { amount: formatCNY(net) })}
            </dd>
          </div>
        </dl>
        <Link
          href={`/refunds?q=${encodeURIComponent(r.refundNo)}`}
          className="inline-flex items-center gap-1 text-sm text-primary hover:underline print:hidden"
        >
          {tm("refundLink", { no: r.refundNo })}
          <ArrowRight className="size-4" />
        </Link>
      </CardContent>
    </Card>
  );
}
