"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { statusVariant } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/utils";
import { AutoRenewSwitch, DontRenewButton } from "./auto-renew-controls";
import { TermText } from "@/components/apps/term-text";
import type { RenewalRow } from "./types";

/** "29 days left" / "expires today" / "expired 3 days ago", coloured by urgency. */
export function DaysLeft({ days }: { days: number }) {
  const t = useTranslations("renewals");
  return (
    <div
      className={cn(
        "text-xs",
        days < 0 ? "text-destructive" : days <= 7 ? "font-medium text-warning-foreground" : "text-muted-foreground",
      )}
    >
      {days > 0 ? t("daysLeft", { count: days }) : days === 0 ? t("expiresToday") : t("expiredAgo", { count: -days })}
    </div>
  );
}

type Props = { row: RenewalRow; selected: boolean; onSelect: (on: boolean) => void; onRenew: () => void };

/** One paid app as a card: the renewals list on narrow screens, where the table would scroll sideways. */
export function RenewalCard({ row: r, selected, onSelect, onRenew }: Props) {
  const t = useTranslations("renewals");
  const ts = useTranslations("status");
  const te = useTranslations("edition");
  return (
    <li
      className={cn("grid gap-3 rounded-lg border p-3", selected && "border-primary/40 bg-muted/50")}
      aria-label={r.name}
    >
      <div className="flex items-start gap-3">
        <Checkbox
          className="mt-1"
          aria-label={t("select", { name: r.name })}
          checked={selected}
          onCheckedChange={(c) => onSelect(c === true)}
        />
        <div className="min-w-0 flex-1">
          <Link href={`/apps/${r.sdkAppId}`} className="font-medium text-primary hover:underline">
            {r.name}
          </Link>
          <div className="font-mono text-xs text-muted-foreground">{r.sdkAppId}</div>
        </div>
        <div className="shrink-0 text-right">
          {r.term.kind === "refunded" ? (
            <TermText term={r.term} className="block max-w-48 whitespace-normal text-xs text-warning-foreground" />
          ) : (
            <>
              <div className="text-sm tabular-nums">{r.expiryDay}</div>
              <DaysLeft days={r.daysLeft} />
            </>
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-1 pl-7">
        <Badge variant="outline">{te(r.edition)}</Badge>
        <Badge variant={statusVariant(r.status)}>{ts(r.status)}</Badge>
        {r.dontRenew && <Badge variant="outline">{t("dontRenewMark")}</Badge>}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 pl-7">
        <AutoRenewSwitch sdkAppId={r.sdkAppId} name={r.name} enabled={r.autoRenew} />
        <div className="flex gap-2">
          <Button size="sm" variant="outline" onClick={onRenew} aria-label={t("renewOne", { name: r.name })}>
            {t("renew")}
          </Button>
          <DontRenewButton sdkAppId={r.sdkAppId} name={r.name} marked={r.dontRenew} />
        </div>
      </div>
    </li>
  );
}
