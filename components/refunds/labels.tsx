"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type RefundStatus = "pending_review" | "executed" | "rejected";

const STATUS_VARIANT: Record<RefundStatus, "warning" | "success" | "destructive"> = {
  pending_review: "warning",
  executed: "success",
  rejected: "destructive",
};

/** Display names shared by the refund page, its history and the operator's review queue. */
export function useRefundLabels() {
  const t = useTranslations("refunds");
  const tp = useTranslations("packName");
  return {
    product: (product: string) => (product === "plan" ? t("product.plan") : tp.has(product) ? tp(product) : product),
    mode: (mode: string) => (mode === "five_day" ? t("mode.five_day") : t("mode.standard")),
    reviewReason: (reason: string | null) =>
      reason === "amount" ? t("reviewReason.amount") : reason === "frequency" ? t("reviewReason.frequency") : null,
    /** The first block of an id: enough to tell orders apart in a table, the full id in its title. */
    shortId: (id: string) => id.slice(0, 8),
  };
}

export function RefundStatusBadge({ status }: { status: RefundStatus }) {
  const t = useTranslations("refunds");
  return (
    <Badge variant={STATUS_VARIANT[status]} data-refund-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
