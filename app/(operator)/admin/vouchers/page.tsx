import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { addDays, shanghaiDay } from "@/lib/billing/calendar";
import { requireOperator } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listAccounts } from "@/lib/services/accounts";
import { listVouchers } from "@/lib/services/vouchers";
import { IssueVoucherForm } from "@/components/promo/issue-voucher-form";
import { VouchersTable } from "@/components/promo/vouchers-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { voucherJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vouchers"))("adminTitle") };
}

export default async function AdminVouchersPage() {
  await requireOperator();
  const t = await getTranslations("vouchers");
  const at = await now();
  const [accounts, vouchers] = await Promise.all([listAccounts(), listVouchers()]);
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  // The default expiry: end of the Shanghai day 30 days from the platform clock.
  const defaultExpiry = `${addDays(shanghaiDay(at), 30)}T23:59`;
  return (
    <div className="grid gap-6">
      <PageHeader title={t("adminTitle")} description={t("adminDescription")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("issueTitle")}</CardTitle>
          <CardDescription>{t("issueDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <IssueVoucherForm
            accounts={accounts.map((a) => ({ id: a.id, name: a.name, verified: a.verified }))}
            defaultExpiry={defaultExpiry}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("listTitle")}</CardTitle>
          <CardDescription>{t("listDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <VouchersTable
            vouchers={vouchers.map((v) => ({
              ...voucherJson(v, at),
              accountName: names.get(v.accountId) ?? v.accountId,
            }))}
          />
        </CardContent>
      </Card>
    </div>
  );
}
