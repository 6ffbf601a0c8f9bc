import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatCNY, formatDateTime } from "@/lib/format";
import { SortHeader } from "@/components/data-list/sort-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHeader, TableRow } from "@/components/ui/table";

export type AccountRowView = {
  id: string;
  name: string;
  ownerEmail: string | null;
  verified: boolean;
  appCount: number;
  available: string;
  createdAt: string;
};
const COLUMNS = ["name", "owner", "verified", "apps", "available", "createdAt"] as const;

type Props = {
  accounts: AccountRowView[];
  params: Record<string, string>;
  sort: string;
  dir: "asc" | "desc";
  filtered: boolean;
};

/**
 * One page of customer accounts; search, filter, sort and page are in the URL (app/(operator)/admin/accounts/page.tsx).
 */
export function AccountsTable({ accounts, params, sort, dir, filtered }: Props) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const to = useTranslations("overview");
  return (
    <div className="overflow-x-auto">
      <Table aria-label={t("accountsTitle")}>
        <TableHeader>
          <TableRow>
            {COLUMNS.map((c) => (
              <SortHeader
                key={c}
                path="/admin/accounts"
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
          {accounts.map((a) => (
            <TableRow key={a.id} data-testid="account-row">
              <TableCell className="font-medium">
                <Link className="text-primary hover:underline" href={`/admin/accounts/${a.id}`}>
                  {a.name}
                </Link>
              </TableCell>
              <TableCell>{a.ownerEmail}</TableCell>
              <TableCell>
                {a.verified ? (
                  <Badge variant="success">{to("verified")}</Badge>
                ) : (
                  <Badge variant="warning">{to("unverified")}</Badge>
                )}
              </TableCell>
              <TableCell className="tabular-nums">{a.appCount}</TableCell>
              <TableCell className="tabular-nums">{formatCNY(a.available)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.createdAt)}</TableCell>
            </TableRow>
          ))}
          {accounts.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                {filtered ? tc("noMatch") : t("noAccounts")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
