import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, Download } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { deductAt } from "@/lib/billing/arrears";
import { getBill } from "@/lib/services/bill-views";
import { billIdSchema } from "@/lib/validation/bills";
import { isDomainError } from "@/lib/errors";
import { formatCNY, formatDateTime } from "@/lib/format";
import { BillLinesByApp } from "@/components/bills/bill-lines";
import { BillStatusBadge } from "@/components/bills/status-badge";
import { PrintButton } from "@/components/bills/print-button";
import { FactList } from "@/components/fact-list";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bills"))("title") };
}

async function load(accountId: string, raw: string) {
  const parsed = billIdSchema.safeParse({ id: raw });
  if (!parsed.success) notFound();
  try {
    return await getBill(accountId, parsed.data.id);
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export default async function BillPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("bills");
  const bill = await load(actor.accountId, (await params).id);
  return (
    <div className="grid grid-cols-1 gap-6 *:min-w-0">
      <PageHeader
        title={t("billTitle", { month: bill.month })}
        description={t("billDescription", { month: bill.month })}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <Button asChild variant="ghost">
              <Link href="/bills">
                <ArrowLeft className="size-4" />
                {t("back")}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/bills/${bill.id}/lines.csv`} download>
                <Download className="size-4" />
                {t("downloadCsv")}
              </a>
            </Button>
            <PrintButton label={t("print")} />
          </div>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("summary")}</CardTitle>
        </CardHeader>
        <CardContent>
          <FactList
            facts={[
              [
                t("fact.no"),
                <span key="no" className="font-mono">
                  {bill.billNo}
                </span>,
              ],
              [t("fact.month"), bill.month],
              [t("fact.status"), <BillStatusBadge key="s" status={bill.status} />],
              [
                t("fact.total"),
                <span key="t" className="text-lg font-semibold tabular-nums" data-testid="bill-total">
                  {formatCNY(bill.total)}
                </span>,
              ],
              [t("fact.pushedAt"), formatDateTime(bill.pushedAt)],
              bill.deductedAt
                ? [t("fact.deductedAt"), formatDateTime(bill.deductedAt)]
                : [t("fact.dueAt"), formatDateTime(deductAt(bill.month))],
              ...(bill.paid
                ? ([
                    [t("fact.paidGift"), formatCNY(bill.paid.gift)],
                    [t("fact.paidCash"), formatCNY(bill.paid.cash)],
                  ] as [string, string][])
                : []),
            ]}
          />
        </CardContent>
      </Card>
      <section className="grid grid-cols-1 gap-3 *:min-w-0" aria-labelledby="by-app">
        <div>
          <h2 id="by-app" className="text-lg font-semibold">
            {t("byApp")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("byAppDescription")}</p>
        </div>
        <BillLinesByApp bill={bill} />
      </section>
    </div>
  );
}
