import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Lock } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getAccount, listAccountUsers } from "@/lib/services/accounts";
import { listRecipients } from "@/lib/services/alert-recipients";
import { balanceAlertOf } from "@/lib/services/balance-alert";
import { balanceOf } from "@/lib/services/ledger";
import { toMoneyString } from "@/lib/money";
import { AlertRecipientsCard } from "@/components/settings/alert-recipients-card";
import { BalanceAlertCard } from "@/components/settings/balance-alert-card";
import { listAccountApiKeys } from "@/lib/services/api-keys";
import { ApiKeysCard } from "@/components/settings/api-keys-card";
import { MembersCard } from "@/components/settings/members-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const { actor } = await requireCustomer();
  const t = await getTranslations("settings");
  if (!can(actor, "members:manage")) {
    return (
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState icon={<Lock className="size-8" />} title={t("ownerOnly")} />
      </div>
    );
  }
  const [members, keys, recipients, alert, account] = await Promise.all([
    listAccountUsers(actor.accountId),
    listAccountApiKeys(actor.accountId),
    listRecipients(actor.accountId),
    balanceAlertOf(actor.accountId),
    getAccount(actor.accountId),
  ]);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <MembersCard members={members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))} />
      <BalanceAlertCard threshold={alert?.threshold ?? null} available={toMoneyString(balanceOf(account).available)} />
      <AlertRecipientsCard recipients={recipients} />
      <ApiKeysCard
        keys={keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}
