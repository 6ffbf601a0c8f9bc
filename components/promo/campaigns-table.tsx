"use client";

import { useTranslations } from "next-intl";
import { CircleStop, Pencil } from "lucide-react";
import { endCampaignAction } from "@/app/(operator)/admin/campaigns/actions";
import { formatDateTime } from "@/lib/format";
import { ConfirmButton } from "@/components/confirm-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useServerAction } from "@/components/use-server-action";
import { CampaignDialog } from "./campaign-dialog";
import { rateParts } from "./rate";
import type { CampaignState, CampaignView } from "./types";

const VARIANT: Record<CampaignState, "success" | "warning" | "outline"> = {
  running: "success",
  scheduled: "warning",
  ended: "outline",
};

function EndButton({ campaign }: { campaign: CampaignView }) {
  const t = useTranslations("campaigns");
  const end = useServerAction(endCampaignAction, { success: (r) => t("ended", { name: r.name }) });
  return (
    <ConfirmButton
      variant="outline"
      disabled={end.pending}
      label={
        <>
          <CircleStop className="size-4" />
          {t("end")}
        </>
      }
      title={t("endTitle", { name: campaign.name })}
      body={t("endBody")}
      confirmLabel={t("end")}
      onConfirm={() => end.run({ id: campaign.id })}
    />
  );
}

/** The campaigns (R-PROMO-1): rules, discount as 折 and %, state at the platform clock; edit and end. */
export function CampaignsTable({ campaigns, defaultStart }: { campaigns: CampaignView[]; defaultStart: string }) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  const te = useTranslations("edition");
  return (
    <Table aria-label={t("title")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("col.name")}</TableHead>
          <TableHead>{t("col.scope")}</TableHead>
          <TableHead>{t("col.discount")}</TableHead>
          <TableHead>{t("col.conditions")}</TableHead>
          <TableHead>{t("col.period")}</TableHead>
          <TableHead className="text-right">{tc("actions")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {campaigns.map((c) => {
          const parts = rateParts(c.rate);
          return (
            <TableRow key={c.id} data-testid={`campaign-row-${c.id}`}>
              <TableCell className="min-w-44">
                <div className="font-medium">{c.name}</div>
                <Badge className="mt-1" variant={VARIANT[c.state]}>
                  {t(`state.${c.state}`)}
                </Badge>
              </TableCell>
              <TableCell className="min-w-36 text-sm">
                <div>{c.editions.map((e) => te(e)).join(" / ")}</div>
                <div className="text-muted-foreground">
                  {c.minMonths === c.maxMonths
                    ? t("monthsExact", { count: c.minMonths })
                    : t("monthsRange", { min: c.minMonths, max: c.maxMonths })}
                  {" · "}
                  {[c.appliesNew && t("new"), c.appliesRenewal && t("renewal")].filter(Boolean).join(" / ")}
                </div>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {parts ? (
                  <>
                    <div className="font-medium">{t("zhe", parts)}</div>
                    <div className="text-xs text-muted-foreground">{t("pay", parts)}</div>
                  </>
                ) : (
                  c.rate
                )}
              </TableCell>
              <TableCell>
                <div className="flex max-w-48 flex-wrap gap-1">
                  {c.firstPurchaseOnly && <Badge variant="secondary">{t("flag.firstPurchaseOnly")}</Badge>}
                  {c.oncePerAccount && <Badge variant="secondary">{t("flag.oncePerAccount")}</Badge>}
                  <Badge variant={c.refundable ? "outline" : "warning"}>
                    {c.refundable ? t("flag.refundable") : t("notRefundable")}
                  </Badge>
                </div>
              </TableCell>
              <TableCell className="whitespace-nowrap text-sm">
                <div>{formatDateTime(c.startsAt)}</div>
                <div className="text-muted-foreground">
                  {c.endsAt ? t("until", { at: formatDateTime(c.endsAt) }) : t("noEnd")}
                </div>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap justify-end gap-2">
                  <CampaignDialog
                    campaign={c}
                    defaultStart={defaultStart}
                    trigger={
                      <Button size="sm" variant="outline" aria-label={t("editOne", { name: c.name })}>
                        <Pencil className="size-4" />
                        {t("edit")}
                      </Button>
                    }
                  />
                  {c.state !== "ended" && <EndButton campaign={c} />}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
        {campaigns.length === 0 && (
          <TableRow>
            <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
              {t("none")}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
