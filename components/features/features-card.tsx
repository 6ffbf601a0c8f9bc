"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Megaphone, UsersRound } from "lucide-react";
import { applyFeatureAction } from "@/app/(customer)/apps/[sdkAppId]/actions";
import type { AppliedFeature, NotEligibleReason } from "@/lib/billing/features";
import { formatDateTime } from "@/lib/format";
import { ConfirmButton } from "@/components/confirm-button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useServerAction } from "@/components/use-server-action";
import { STATUS_VARIANT, useApplicationLine } from "./labels";
import type { ApplicationJson } from "@/lib/wire";

type Props = {
  app: { sdkAppId: number; name: string };
  applications: ApplicationJson[];
  /** why the app may not apply now; null when it may */
  ineligible: NotEligibleReason | null;
  isOwner: boolean;
  /** where to upgrade to ultimate (buy for a trial app, change plan for a pro one) */
  upgradeHref: string | null;
};

const FEATURES: { feature: AppliedFeature; Icon: typeof Megaphone }[] = [
  { feature: "broadcast", Icon: Megaphone },
  { feature: "communities", Icon: UsersRound },
];
const OPEN = ["pending", "approved", "enabled"];

/** R-FEAT-1 on the app page: each feature's state, applying (with a confirmation), and the history. */
export function FeaturesCard({ app, applications, ineligible, isOwner, upgradeHref }: Props) {
  const t = useTranslations("features");
  const line = useApplicationLine();
  const applyAction = useServerAction(applyFeatureAction, {
    success: (r) => t("applied", { feature: t(`name.${r.feature}`) }),
  });
  const pending = applyAction.pending;
  const apply = (feature: AppliedFeature) => applyAction.run({ sdkAppId: app.sdkAppId, feature });

  return (
    <Card data-testid="app-features" aria-labelledby="features-title" role="region">
      <CardHeader>
        <CardTitle id="features-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        {ineligible && (
          <Alert data-testid="features-ineligible">
            <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
              <span>{t(`ineligible.${ineligible}`)}</span>
              {ineligible === "not_ultimate" && upgradeHref && (
                <Button asChild size="sm" variant="outline">
                  <Link href={upgradeHref}>{t("upgrade")}</Link>
                </Button>
              )}
            </AlertDescription>
          </Alert>
        )}
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {FEATURES.map(({ feature, Icon }) => {
            const latest = applications.find((a) => a.feature === feature);
            const open = latest && OPEN.includes(latest.status);
            const name = t(`name.${feature}`);
            return (
              <li
                key={feature}
                data-testid={`feature-${feature}`}
                data-feature-status={latest?.status ?? "none"}
                className="grid min-w-0 content-start gap-2 rounded-lg border p-4"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="flex items-center gap-2 font-medium">
                    <Icon className="size-4 text-muted-foreground" />
                    {name}
                  </span>
                  <Badge variant={latest ? STATUS_VARIANT[latest.status] : "outline"}>
                    {latest ? t(`status.${latest.status}`) : t("notApplied")}
                  </Badge>
                </div>
                <p className="text-sm text-muted-foreground">{t(`blurb.${feature}`)}</p>
                {latest && (
                  <p className="text-sm" data-testid={`feature-${feature}-line`}>
                    {line(latest)}
                  </p>
                )}
                {!open &&
                  !ineligible &&
                  (isOwner ? (
                    <div>
                      <ConfirmButton
                        label={t("apply")}
                        title={t("applyTitle", { feature: name })}
                        body={t("applyBody", { feature: name, app: app.name, sdkAppId: app.sdkAppId })}
                        confirmLabel={t("applyConfirm")}
                        onConfirm={() => apply(feature)}
                        disabled={pending}
                        variant="default"
                      />
                    </div>
                  ) : (
                    <p className="text-xs text-muted-foreground">{t("ownerOnly")}</p>
                  ))}
              </li>
            );
          })}
        </ul>
        <section aria-label={t("history")} className="grid min-w-0 grid-cols-1 gap-2">
          <h3 className="text-sm font-medium">{t("history")}</h3>
          {applications.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("historyEmpty")}</p>
          ) : (
            <Table aria-label={t("history")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("col.feature")}</TableHead>
                  <TableHead>{t("col.status")}</TableHead>
                  <TableHead>{t("col.appliedAt")}</TableHead>
                  <TableHead>{t("col.detail")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {applications.map((a) => (
                  <TableRow key={a.id} data-testid="feature-application">
                    <TableCell className="whitespace-nowrap">{t(`name.${a.feature}`)}</TableCell>
                    <TableCell>
                      <Badge variant={STATUS_VARIANT[a.status]}>{t(`status.${a.status}`)}</Badge>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {formatDateTime(a.appliedAt)}
                    </TableCell>
                    <TableCell className="min-w-48 text-sm">{line(a)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
