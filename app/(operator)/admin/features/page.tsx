import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { enableAtOf } from "@/lib/billing/features";
import { now } from "@/lib/clock";
import { listApplications } from "@/lib/services/features";
import { applicationFilterSchema } from "@/lib/validation/features";
import { FeatureQueue } from "@/components/features/feature-queue";
import { PageHeader } from "@/components/ui/page-header";
import { applicationJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("featureQueue"))("title") };
}

type Props = { searchParams: Promise<{ status?: string }> };

/** 开通申请: the operators' queue of feature applications (R-FEAT-1), pending first by default. */
export default async function FeatureApplicationsPage({ searchParams }: Props) {
  await requireOperator();
  const t = await getTranslations("featureQueue");
  const raw = (await searchParams).status;
  // Default: the pending queue; "all" shows every status; anything unknown falls back to pending.
  const parsed = applicationFilterSchema.safeParse({ status: raw === "all" ? undefined : (raw ?? "pending") });
  const status = raw === "all" ? undefined : parsed.success ? (parsed.data.status ?? "pending") : "pending";
  const rows = await listApplications({ status });
  const items = rows.map((r) => ({
    ...applicationJson(r),
    accountId: r.accountId,
    accountName: r.accountName,
    appName: r.appName,
  }));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <FeatureQueue items={items} status={status ?? "all"} enableAtIfNow={enableAtOf(await now()).toISOString()} />
    </div>
  );
}
