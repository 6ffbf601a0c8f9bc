import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Lock } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAccountUsers } from "@/lib/services/accounts";
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
      <div className="grid gap-6">
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState icon={<Lock className="size-8" />} title={t("ownerOnly")} />
      </div>
    );
  }
  const [members, keys] = await Promise.all([listAccountUsers(actor.accountId), listAccountApiKeys(actor.accountId)]);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <MembersCard members={members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))} />
      <ApiKeysCard keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null }))} />
    </div>
  );
}
