import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MessagesSquare } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { APP_CAP } from "@/lib/billing/apps";
import { appsJson, countApps, listApps } from "@/lib/services/apps";
import { termView } from "@/lib/billing/term";
import { now } from "@/lib/clock";
import { AppsTable } from "@/components/apps/apps-table";
import { CreateAppDialog } from "@/components/apps/create-app-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps"))("title") };
}

export default async function AppsPage() {
  const { actor } = await requireCustomer();
  const t = await getTranslations("apps");
  const [apps, counts] = await Promise.all([listApps(actor.accountId), countApps(actor.accountId)]);
  const atCap = counts.counted >= APP_CAP;
  const at = await now();
  const terms = Object.fromEntries(apps.map((a) => [a.sdkAppId, termView(a, at)]));
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} actions={<CreateAppDialog atCap={atCap} cap={APP_CAP} />} />
      {apps.length === 0 ? (
        <EmptyState icon={<MessagesSquare className="size-8" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <AppsTable apps={await appsJson(apps)} terms={terms} />
      )}
    </div>
  );
}
