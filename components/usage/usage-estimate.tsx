import { getTranslations } from "next-intl/server";
import { Info } from "lucide-react";
import { formatCNY } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { MonthUsage } from "@/lib/wire";

const n = (v: number) => v.toLocaleString("en-US");

/**
 * The postpaid charges the month would cost so far — an ESTIMATE, labelled as one — with its parts.
 * Every amount is the server's money string through formatCNY; nothing is added up here.
 * Trial apps are limited, not billed: they get the explanation instead of the amounts.
 */
export async function UsageEstimate({
  usage,
  trial,
  suspended = false,
}: {
  usage: MonthUsage;
  trial: boolean;
  suspended?: boolean;
}) {
  const t = await getTranslations("usage");
  const e = usage.estimate;
  const parts: { key: "dau" | "groups" | "history" | "bandwidth"; amount: string; basis?: string }[] = [
    { key: "dau", amount: e.dau, basis: t("estimate.basis", { peak: n(usage.peaks.dau), free: n(usage.free.dau) }) },
    {
      key: "groups",
      amount: e.groups,
      basis: t("estimate.basis", { peak: n(usage.peaks.groups), free: n(usage.free.peakGroups) }),
    },
    { key: "history", amount: e.history },
    { key: "bandwidth", amount: e.bandwidth },
  ];
  return (
    <section
      className="grid gap-3 rounded-lg border bg-muted/20 p-4"
      aria-labelledby="usage-estimate-title"
      data-testid="usage-estimate"
    >
      <div className="grid gap-1">
        <h3 id="usage-estimate-title" className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {t("estimate.title")}
          <Badge variant="warning">{t("estimate.badge")}</Badge>
        </h3>
        {!trial && <p className="text-xs text-muted-foreground">{t("estimate.description")}</p>}
        {suspended && !trial && <p className="text-xs text-muted-foreground">{t("estimate.suspended")}</p>}
      </div>
      {trial ? (
        <Alert>
          <Info />
          <AlertDescription>{t("estimate.trial")}</AlertDescription>
        </Alert>
      ) : (
        <dl className="grid text-sm">
          {parts.map((p) => (
            <div key={p.key} className="flex items-baseline justify-between gap-4 border-b border-dashed py-2">
              <dt className="min-w-0">
                {t(`estimate.${p.key}`)}
                {p.basis && (
                  <span className="block text-xs tabular-nums text-muted-foreground sm:ml-2 sm:inline">{p.basis}</span>
                )}
              </dt>
              <dd className="shrink-0 tabular-nums" data-testid={`usage-estimate-${p.key}`}>
                {formatCNY(p.amount)}
              </dd>
            </div>
          ))}
          <div className="flex items-baseline justify-between gap-4 pt-3">
            <dt className="font-medium">{t("estimate.total")}</dt>
            <dd className="shrink-0 text-lg font-semibold tabular-nums" data-testid="usage-estimate-total">
              {formatCNY(e.total)}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
