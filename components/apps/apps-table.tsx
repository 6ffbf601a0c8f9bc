import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AppStatus } from "@/lib/billing/apps";
import { formatDateTime, formatExpiryDay } from "@/lib/format";
import { SortHeader } from "@/components/data-list/sort-header";
import type { TermView } from "@/lib/billing/term";
import { TermText } from "./term-text";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHeader, TableRow } from "@/components/ui/table";
import type { AppJson } from "@/lib/wire";

const STATUS_VARIANT: Record<AppStatus, "success" | "warning" | "destructive" | "secondary" | "outline"> = {
  enabled: "success",
  grace: "warning",
  disabling: "warning",
  suspended: "destructive",
  stopped: "secondary",
  reclaimed: "outline",
  deleted: "outline",
};
const COLUMNS = ["name", "sdkAppId", "edition", "status", "createdAt", "expiresAt"] as const;

type Props = {
  apps: AppJson[];
  terms: Record<number, TermView>;
  params: Record<string, string>;
  sort: string;
  dir: "asc" | "desc";
};

/**
 * One page of the account's apps; search, filters, sorting and paging are in the URL (app/(customer)/apps/page.tsx).
 */
export function AppsTable({ apps, terms, params, sort, dir }: Props) {
  const t = useTranslations("apps");
  const tc = useTranslations("common");
  const ts = useTranslations("status");
  const te = useTranslations("edition");
  return (
    <div className="overflow-x-auto">
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            {COLUMNS.map((c) => (
              <SortHeader
                key={c}
                path="/apps"
                params={params}
                column={c}
                label={t(`col.${c}`)}
                sort={sort}
                dir={dir}
                sortLabel={tc("sortBy", { column: t(`col.${c}`) })}
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {apps.map((a) => (
            <TableRow key={a.sdkAppId} data-testid={`app-row-${a.sdkAppId}`}>
              <TableCell className="font-medium">
                <Link href={`/apps/${a.sdkAppId}`} className="text-primary hover:underline">
                  {a.name}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-sm">{a.sdkAppId}</TableCell>
              <TableCell>{te(a.edition)}</TableCell>
              <TableCell>
                <Badge variant={STATUS_VARIANT[a.status]}>{ts(a.status)}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.createdAt)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {terms[a.sdkAppId] ? (
                  <TermText term={terms[a.sdkAppId]!} />
                ) : a.expiresAt ? (
                  formatExpiryDay(a.expiresAt)
                ) : (
                  t("noExpiry")
                )}
              </TableCell>
            </TableRow>
          ))}
          {apps.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                {tc("noMatch")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
