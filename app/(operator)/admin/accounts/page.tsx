import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { listAccounts } from "@/lib/services/accounts";
import { AccountsTable } from "@/components/admin/accounts-table";
import { CreateAccountDialog } from "@/components/admin/create-account-dialog";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("accountsTitle") };
}

export default async function AccountsPage() {
  await requireOperator();
  const t = await getTranslations("admin");
  const accounts = await listAccounts();
  return (
    <div className="grid gap-6">
      <PageHeader title={t("accountsTitle")} description={t("accountsDescription")} actions={<CreateAccountDialog />} />
      <AccountsTable
        accounts={accounts.map((a) => ({ id: a.id, name: a.name, ownerEmail: a.ownerEmail, verified: a.verified, appCount: a.appCount, available: a.balance.available, createdAt: a.createdAt.toISOString() }))}
      />
    </div>
  );
}
