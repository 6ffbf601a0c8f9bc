import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

export async function BillStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("bills");
  return <Badge variant={status === "deducted" ? "secondary" : "outline"}>{t(`status.${status}`)}</Badge>;
}
