import { getTranslations } from "next-intl/server";
import { Activity } from "lucide-react";
import type { MonthUsage } from "@/lib/wire";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsageMeters } from "./usage-meters";
import { UsageCharts } from "./usage-chart";
import { UsageEstimate } from "./usage-estimate";

/** A daily figure the section shows; bandwidth stays with the server's estimate. */
export type UsageMetric = "dau" | "groups" | "liveGroups";

/**
 * R-USE-4: this month so far for one app — today's figures, the month's peaks against the free
 * quota and the live-group limit, a daily chart, and the postpaid estimate (server strings only).
 * `liveGroupLimit` is the app's current entitlement (−1 = unlimited).
 */
export async function UsageCard({
  usage,
  liveGroupLimit,
  trial,
  suspended = false,
}: {
  usage: MonthUsage;
  liveGroupLimit: number;
  trial: boolean;
  suspended?: boolean;
}) {
  const t = await getTranslations("usage");
  const reported = usage.days.some(
    (d) =>
      d.dau > 0 ||
      d.groups > 0 ||
      d.liveGroups > 0 ||
      d.bandwidthMbps.domestic > 0 ||
      d.bandwidthMbps.international > 0,
  );
  return (
    <Card role="region" aria-labelledby="usage-title" data-testid="app-usage" data-today={usage.today.date}>
      <CardHeader>
        <CardTitle id="usage-title" className="flex flex-wrap items-center gap-2">
          {t("title")}
          <Badge variant="outline" className="font-mono">
            {usage.month}
          </Badge>
        </CardTitle>
        <CardDescription>{t("description", { month: usage.month })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {reported ? (
          <>
            <UsageMeters usage={usage} liveGroupLimit={liveGroupLimit} />
            <UsageCharts usage={usage} liveGroupLimit={liveGroupLimit} />
            <UsageEstimate usage={usage} trial={trial} suspended={suspended} />
          </>
        ) : (
          <EmptyState
            icon={<Activity />}
            title={t("empty.title")}
            description={t("empty.description")}
            data-testid="usage-empty"
          />
        )}
      </CardContent>
    </Card>
  );
}
