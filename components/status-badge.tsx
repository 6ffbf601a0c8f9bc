import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AppStatus } from "@/lib/billing/apps";

const VARIANT: Record<AppStatus, "success" | "warning" | "destructive" | "secondary" | "outline"> = {
  enabled: "success",
  grace: "warning",
  disabling: "warning",
  suspended: "destructive",
  stopped: "secondary",
  reclaimed: "outline",
  deleted: "outline",
};

export async function StatusBadge({ status }: { status: AppStatus }) {
  const t = await getTranslations("status");
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}

export function statusVariant(status: AppStatus) {
  return VARIANT[status];
}
