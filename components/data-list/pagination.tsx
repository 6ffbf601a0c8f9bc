import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { hrefWith } from "./params";
import { PageSize } from "./page-size";

type Props = { path: string; params: Record<string, string>; page: number; size: number; total: number; noun?: string };

/** "26–50 of 99", previous / next as links (server-rendered, so each page has its own URL), page size. */
export function Pagination({ path, params, page, size, total }: Props) {
  const t = useTranslations("dataList");
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const link = (p: number, label: string, icon: React.ReactNode, rel: "prev" | "next") =>
    p < 1 || p > pages ? (
      <Button variant="outline" size="sm" disabled aria-label={label}>
        {icon}
      </Button>
    ) : (
      <Button asChild variant="outline" size="sm">
        <Link href={hrefWith(path, params, { page: String(p) })} rel={rel} aria-label={label} scroll={false}>
          {icon}
        </Link>
      </Button>
    );
  return (
    <nav
      className="flex flex-wrap items-center justify-between gap-2 text-sm"
      aria-label={t("pagination")}
      data-testid="pagination"
    >
      <p className="text-muted-foreground" data-testid="list-count">
        {t("range", { first, last, total })}
      </p>
      <div className="flex items-center gap-2">
        <PageSize size={size} />
        {link(page - 1, t("previous"), <ChevronLeft className="size-4" />, "prev")}
        <span className="tabular-nums text-muted-foreground" aria-current="page">
          {t("pageOf", { page: Math.min(page, pages), pages })}
        </span>
        {link(page + 1, t("next"), <ChevronRight className="size-4" />, "next")}
      </div>
    </nav>
  );
}
