"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const STATUSES = ["failed", "pending", "sent"] as const;

export function DeliveryStatusFilter({ status }: { status: string | null }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  return (
    <Select
      value={status ?? "all"}
      onValueChange={(v) => router.push(v === "all" ? "/admin/jobs" : `/admin/jobs?status=${v}`)}
    >
      <SelectTrigger className="w-40" aria-label={t("status")}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="all">{t("allStatuses")}</SelectItem>
        {STATUSES.map((s) => (
          <SelectItem key={s} value={s}>
            {t(`statusLabel.${s}`)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
