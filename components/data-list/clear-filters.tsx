import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Shown only while a filter is on: back to the unfiltered list (page size kept). */
export function ClearFilters({ path, params, keys }: { path: string; params: Record<string, string>; keys: string[] }) {
  const t = useTranslations("dataList");
  if (!keys.some((k) => params[k])) return null;
  const keep = params.size ? `?size=${params.size}` : "";
  return (
    <Button asChild variant="ghost" size="sm">
      <Link href={`${path}${keep}`}>{t("clear")}</Link>
    </Button>
  );
}
