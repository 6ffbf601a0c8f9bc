import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FileText, MessagesSquare } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { listBills } from "@/lib/services/bill-views";
import { BillsTable } from "@/components/bills/bills-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bills"))("title") };
}

export default async function BillsPage() {
  const { actor } = await requireCustomer();
  const t = await getTranslations("bills");
  const bills = await listBills(actor.accountId);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {bills.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-8" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          action={
            <Button asChild variant="outline">
              <Link href="/apps">
                <MessagesSquare className="size-4" />
                {t("apps")}
              </Link>
            </Button>
          }
        />
      ) : (
        <BillsTable bills={bills} />
      )}
    </div>
  );
}
