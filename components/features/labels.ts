"use client";

import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format";
import type { ApplicationJson } from "@/lib/wire";

/** The one sentence that says where an application stands (app page and operator queue). */
export function useApplicationLine() {
  const t = useTranslations("features");
  return (a: ApplicationJson) => {
    switch (a.status) {
      case "pending":
        return t("line.pending", { at: formatDateTime(a.appliedAt) });
      case "approved":
        return t("line.approved", { decided: formatDateTime(a.decidedAt), at: formatDateTime(a.enableAt) });
      case "enabled":
        return t("line.enabled", { at: formatDateTime(a.enabledAt) });
      case "rejected":
        return t("line.rejected", { at: formatDateTime(a.decidedAt), reason: a.reason ?? "" });
      case "stopped":
        return t("line.stopped", {
          at: formatDateTime(a.stoppedAt),
          why: a.stopReason ? t(`stopReason.${a.stopReason}`) : "",
        });
    }
  };
}

export const STATUS_VARIANT = {
  pending: "warning",
  approved: "secondary",
  enabled: "success",
  rejected: "destructive",
  stopped: "outline",
} as const;
