import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Download, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ListParams } from "./params";

/**
 * A plain GET form: the filters land in the URL (shareable, back button works, no JS needed).
 * `search` shows the number box; `csv` adds a download link for the same range.
 */
export async function FilterForm({
  path,
  params,
  search,
  searchLabel,
  extra,
  csvHref,
}: {
  path: string;
  params: ListParams;
  search?: boolean;
  searchLabel?: string;
  extra?: React.ReactNode;
  csvHref?: string;
}) {
  const t = await getTranslations("list");
  const active = Boolean(params.q || params.from || params.to || extra);
  return (
    <form
      method="get"
      action={path}
      className="flex flex-wrap items-end gap-3 print:hidden"
      role="search"
      aria-label={t("filters")}
    >
      {search && (
        <div className="grid gap-1">
          <Label htmlFor="list-q">{searchLabel ?? t("searchNumber")}</Label>
          <Input
            id="list-q"
            name="q"
            defaultValue={params.q ?? ""}
            placeholder={t("searchPlaceholder")}
            className="w-56"
            aria-invalid={params.invalid.includes("q") || undefined}
          />
        </div>
      )}
      <div className="grid gap-1">
        <Label htmlFor="list-from">{t("from")}</Label>
        <Input
          id="list-from"
          name="from"
          type="date"
          defaultValue={params.from ?? ""}
          className="w-40"
          aria-invalid={params.invalid.includes("from") || undefined}
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="list-to">{t("to")}</Label>
        <Input
          id="list-to"
          name="to"
          type="date"
          defaultValue={params.to ?? ""}
          className="w-40"
          aria-invalid={params.invalid.includes("to") || undefined}
        />
      </div>
      {extra}
      <Button type="submit" variant="secondary">
        <Search className="size-4" />
        {t("apply")}
      </Button>
      {active && (
        <Button asChild variant="ghost">
          <Link href={path}>{t("clear")}</Link>
        </Button>
      )}
      {csvHref && (
        <Button asChild variant="outline">
          <a href={csvHref} download>
            <Download className="size-4" />
            {t("csv")}
          </a>
        </Button>
      )}
      {params.invalid.length > 0 && (
        <p className="basis-full text-sm text-destructive" role="alert">
          {t("invalid")}
        </p>
      )}
    </form>
  );
}
