import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { requireOperator } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDateTime } from "@/lib/format";
import { listCampaigns } from "@/lib/services/campaigns";
import { CampaignDialog } from "@/components/promo/campaign-dialog";
import { CampaignsTable } from "@/components/promo/campaigns-table";
import type { CampaignView } from "@/components/promo/types";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { campaignJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

export default async function AdminCampaignsPage() {
  await requireOperator();
  const t = await getTranslations("campaigns");
  const at = await now();
  const campaigns: CampaignView[] = (await listCampaigns()).map((c) => {
    const j = campaignJson(c, at);
    const state = c.endsAt && c.endsAt <= at ? "ended" : c.startsAt > at ? "scheduled" : "running";
    return { ...j, state };
  });
  const defaultStart = formatDateTime(at).replace(" ", "T");
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <CampaignDialog
            defaultStart={defaultStart}
            trigger={
              <Button>
                <Plus className="size-4" />
                {t("create")}
              </Button>
            }
          />
        }
      />
      <CampaignsTable campaigns={campaigns} defaultStart={defaultStart} />
    </div>
  );
}
