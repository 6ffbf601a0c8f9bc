import { getTranslations } from "next-intl/server";
import { CalendarClock, CircleDot, Clock, PauseCircle, Power, RefreshCw, Sparkles, Trash2 } from "lucide-react";
import type { TimelineEvent } from "@/lib/billing/timeline";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

type Props = { events: TimelineEvent[]; now: Date; stopped: boolean };

type Item = {
  key: string;
  at: Date;
  title: string;
  note?: string;
  icon: React.ReactNode;
  tone: "neutral" | "warn" | "danger" | "good";
};

/** "What happens when": a vertical timeline of the app's coming events (lib/billing/timeline.ts). */
export async function AppTimeline({ events, now, stopped }: Props) {
  const t = await getTranslations("timeline");
  const tf = await getTranslations("features");
  const tt = await getTranslations("term");
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive (TypeScript checks it)
  const items: Item[] = events.map((e, i): Item => {
    const key = `${e.kind}-${i}`;
    switch (e.kind) {
      case "expire":
        return e.autoRenew
          ? {
              key,
              at: e.at,
              title: e.amount ? tt("timelineAutoRenew", { amount: formatCNY(e.amount) }) : t("expireAuto"),
              note: t("expireAutoNote"),
              icon: <RefreshCw />,
              tone: "neutral",
            }
          : { key, at: e.at, title: t("expire"), note: t("expireNote"), icon: <CalendarClock />, tone: "warn" };
      case "renew_retries":
        return {
          key,
          at: e.at,
          title: t("retries", { count: e.retries.length }),
          note: t("retriesNote", { days: e.retries.map((d) => formatDateTime(d).slice(5, 10)).join(", ") }),
          icon: <RefreshCw />,
          tone: "neutral",
        };
      case "suspend":
        return {
          key,
          at: e.at,
          title: e.reason === "expired" ? t("suspendExpired") : t("suspendRefunded"),
          note: t("suspendNote"),
          icon: <PauseCircle />,
          tone: "danger",
        };
      case "reclaim":
        return { key, at: e.at, title: t("reclaim"), note: t("reclaimNote"), icon: <Trash2 />, tone: "danger" };
      case "feature_enable":
        return {
          key,
          at: e.at,
          title: t("featureEnable", { feature: tf(`name.${e.feature}`) }),
          note: t("featureEnableNote"),
          icon: <Sparkles />,
          tone: "good",
        };
      case "feature_stop":
        return {
          key,
          at: e.at,
          title: t("featureStop", { feature: tf(`name.${e.feature}`) }),
          note: t("featureStopNote", { why: tf(`stopReason.${e.reason}`) }),
          icon: <Power />,
          tone: "warn",
        };
    }
  });
  const dot = {
    neutral: "bg-muted text-muted-foreground",
    warn: "bg-warning/15 text-warning-foreground",
    danger: "bg-destructive/10 text-destructive",
    good: "bg-success/10 text-success",
  };

  return (
    <Card role="region" aria-labelledby="timeline-title" data-testid="app-timeline">
      <CardHeader>
        <CardTitle id="timeline-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="relative grid gap-5 border-l pl-6 ms-3">
          <li className="relative" data-testid="timeline-now">
            <span
              className={
                "absolute -left-[2.05rem] flex size-6 items-center justify-center " +
                "rounded-full bg-primary text-primary-foreground [&_svg]:size-3.5"
              }
            >
              <Clock />
            </span>
            <p className="text-sm font-medium">{t("now")}</p>
            <time className="text-xs text-muted-foreground" dateTime={now.toISOString()}>
              {formatDateTime(now)}
            </time>
          </li>
          {items.length === 0 && (
            <li className="relative">
              <span
                className={
                  "absolute -left-[2.05rem] flex size-6 items-center justify-center " +
                  "rounded-full bg-muted text-muted-foreground [&_svg]:size-3.5"
                }
              >
                <CircleDot />
              </span>
              <p className="text-sm text-muted-foreground">{stopped ? t("stopped") : t("empty")}</p>
            </li>
          )}
          {items.map((it) => (
            <li key={it.key} className="relative" data-testid="timeline-event" data-kind={it.key.replace(/-\d+$/, "")}>
              <span
                className={cn(
                  "absolute -left-[2.05rem] flex size-6 items-center justify-center rounded-full [&_svg]:size-3.5",
                  dot[it.tone],
                )}
              >
                {it.icon}
              </span>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
                <p className="text-sm font-medium">{it.title}</p>
                <time
                  className="text-sm tabular-nums text-muted-foreground whitespace-nowrap"
                  dateTime={it.at.toISOString()}
                >
                  {formatDateTime(it.at)}
                </time>
              </div>
              {it.note && <p className="text-xs text-muted-foreground">{it.note}</p>}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
