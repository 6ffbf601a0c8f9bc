import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { ACCOUNT_SORTS, listAccountsPage } from "@/lib/services/accounts";
import { AccountsTable } from "@/components/admin/accounts-table";
import { CreateAccountDialog } from "@/components/admin/create-account-dialog";
import {
  ClearFilters,
  enumParam,
  FilterSelect,
  Pagination,
  pageParams,
  plainParams,
  SearchBox,
  textParam,
  type RawParams,
} from "@/components/data-list";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("accountsTitle") };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requireOperator();
  const t = await getTranslations("admin");
  const to = await getTranslations("overview");
  const sp = await searchParams;
  const { page, size, offset } = pageParams(sp, 25);
  const verified = enumParam(sp, "verified", ["true", "false"] as const);
  const sort = enumParam(sp, "sort", ACCOUNT_SORTS);
  const dir = enumParam(sp, "dir", ["asc", "desc"] as const) ?? (sort ? "asc" : "desc");
  const q = textParam(sp);
  const { rows, total } = await listAccountsPage(
    { q, verified: verified === undefined ? undefined : verified === "true" },
    { sort, dir, limit: size, offset },
  );
  const params = plainParams(sp);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("accountsTitle")} description={t("accountsDescription")} actions={<CreateAccountDialog />} />
      <div className="grid gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox placeholder={t("searchAccounts")} />
          <FilterSelect
            param="verified"
            label={to("verification")}
            options={[
              { value: "true", label: to("verified") },
              { value: "false", label: to("unverified") },
            ]}
          />
          <ClearFilters path="/admin/accounts" params={params} keys={["q", "verified"]} />
        </div>
        <AccountsTable
          accounts={rows.map((a) => ({
            id: a.id,
            name: a.name,
            ownerEmail: a.ownerEmail,
            verified: a.verified,
            appCount: a.appCount,
            available: a.balance.available,
            createdAt: a.createdAt.toISOString(),
          }))}
          params={params}
          sort={sort ?? "createdAt"}
          dir={dir}
          filtered={Boolean(q || verified)}
        />
        <Pagination path="/admin/accounts" params={params} page={page} size={size} total={total} />
      </div>
    </div>
  );
}
