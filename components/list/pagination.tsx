import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { listHref, type SearchParams } from "./params";

/** "共 123 条 · 第 2 / 7 页" with previous / next links that keep the other URL parameters. */
export async function Pagination({
  path,
  searchParams,
  page,
  pageSize,
  total,
}: {
  path: string;
  searchParams: SearchParams;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = await getTranslations("list");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label={t("pagination")}
      className="flex flex-wrap items-center justify-between gap-2 text-sm print:hidden"
      data-testid="pagination"
    >
      <p className="text-muted-foreground" data-testid="list-count">
        {t("count", { total, first, last })}
      </p>
      <div className="flex items-center gap-2">
        <span className="text-muted-foreground">{t("page", { page: Math.min(page, pages), pages })}</span>
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={listHref(path, searchParams, { page: page - 1 })} rel="prev">
              <ChevronLeft className="size-4" />
              {t("prev")}
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            <ChevronLeft className="size-4" />
            {t("prev")}
          </Button>
        )}
        {page < pages ? (
          <Button asChild variant="outline" size="sm">
            <Link href={listHref(path, searchParams, { page: page + 1 })} rel="next">
              {t("next")}
              <ChevronRight className="size-4" />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            {t("next")}
            <ChevronRight className="size-4" />
          </Button>
        )}
      </div>
    </nav>
  );
}
