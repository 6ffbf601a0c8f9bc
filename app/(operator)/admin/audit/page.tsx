import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScrollText } from "lucide-react";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import {
  accountPeople,
  auditFilterOptions,
  listAuditPage,
  type AuditActorFilter,
  type AuditRowView,
} from "@/lib/services/audit-views";
import { AuditChange } from "@/components/audit/audit-change";
import {
  ClearFilters,
  DateRange,
  dayParam,
  FilterCombobox,
  FilterSelect,
  Pagination,
  pageParams,
  plainParams,
  SearchBox,
  textParam,
  uuidParam,
  type RawParams,
} from "@/components/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("auditTitle") };
}

const FILTERS = ["q", "account", "actor", "action", "from", "to"];

function actorParam(sp: RawParams): AuditActorFilter | undefined {
  const raw = sp.actor;
  if (raw === "operator" || raw === "customer" || raw === "system") return raw;
  if (typeof raw === "string" && /^(operator|user|key):[0-9a-f-]{36}$/.test(raw)) return raw as AuditActorFilter;
  return undefined;
}

/** "account.topup" → the message key "account_topup" (next-intl keys cannot hold dots). */
const actionKey = (a: string) => a.replaceAll(".", "_");

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requireOperator();
  const t = await getTranslations("admin");
  const ta = await getTranslations("auditLog");
  const sp = await searchParams;
  const { page, size, offset } = pageParams(sp, 50);
  const filter = {
    q: textParam(sp),
    accountId: uuidParam(sp, "account"),
    actor: actorParam(sp),
    action: textParam(sp, "action", 64),
    from: dayParam(sp, "from"),
    to: dayParam(sp, "to"),
  };
  const [{ rows, total }, options, people] = await Promise.all([
    listAuditPage(filter, { limit: size, offset }),
    auditFilterOptions(),
    filter.accountId ? accountPeople(filter.accountId) : Promise.resolve([]),
  ]);
  const params = plainParams(sp);
  const actionLabel = (a: string) => (ta.has(`action.${actionKey(a)}`) ? ta(`action.${actionKey(a)}`) : a);
  const who = (r: AuditRowView) => {
    if (r.actorKind === "system") return ta("actor.system");
    if (r.actorKind === "auto_renew") return ta("actor.autoRenew");
    const name = r.actorName ?? ta("actor.unknown");
    return r.actorKind === "operator"
      ? ta("actor.operator", { name })
      : r.actorKind === "key"
        ? ta("actor.key", { name })
        : name;
  };
  const actorOptions = [
    { value: "operator", label: ta("actor.anyOperator") },
    { value: "customer", label: ta("actor.anyCustomer") },
    { value: "system", label: ta("actor.system") },
    ...options.operators.map((o) => ({
      value: `operator:${o.id}`,
      label: ta("actor.operator", { name: o.name }),
      keywords: o.email,
    })),
    ...people.map((u) => ({ value: `user:${u.id}`, label: u.name, hint: u.email, keywords: u.email })),
  ];
  return (
    <div className="grid gap-6">
      <PageHeader title={t("auditTitle")} description={t("auditDescription")} />
      <div className="grid gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox placeholder={t("auditSearch")} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <FilterCombobox
            param="account"
            label={ta("filter.account")}
            options={options.accounts.map((a) => ({ value: a.id, label: a.name, keywords: a.id }))}
          />
          <FilterCombobox param="actor" label={ta("filter.actor")} options={actorOptions} />
          <FilterSelect
            param="action"
            label={ta("filter.action")}
            className="w-48"
            options={options.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          />
          <DateRange />
          <ClearFilters path="/admin/audit" params={params} keys={FILTERS} />
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState
          icon={<ScrollText className="size-8" />}
          title={FILTERS.some((k) => params[k]) ? ta("noMatch") : t("noAudit")}
        />
      ) : (
        <div className="overflow-x-auto">
          <Table aria-label={t("auditTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("auditCol.at")}</TableHead>
                <TableHead>{t("auditCol.actor")}</TableHead>
                <TableHead>{ta("col.account")}</TableHead>
                <TableHead>{t("auditCol.action")}</TableHead>
                <TableHead>{t("auditCol.entity")}</TableHead>
                <TableHead>{t("auditCol.change")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="audit-row" className="align-top">
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</TableCell>
                  <TableCell className="max-w-56" data-testid="audit-actor">
                    {who(r)}
                  </TableCell>
                  <TableCell className="max-w-48">
                    {r.accountId ? (
                      <Link className="text-primary hover:underline" href={`/admin/accounts/${r.accountId}`}>
                        {r.accountName ?? r.accountId.slice(0, 8)}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell data-testid="audit-action">{actionLabel(r.action)}</TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {ta.has(`entity.${r.entityType}`) ? ta(`entity.${r.entityType}`) : r.entityType}{" "}
                    <span className="font-mono text-muted-foreground">
                      {r.entityType === "app" ? r.entityId : r.entityId.slice(0, 8)}
                    </span>
                  </TableCell>
                  <TableCell className="min-w-56 max-w-96">
                    <AuditChange before={r.before} after={r.after} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/admin/audit" params={params} page={page} size={size} total={total} />
    </div>
  );
}
