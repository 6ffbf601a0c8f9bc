import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MessagesSquare } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { APP_CAP, atCap as isAtCap, type AppStatus } from "@/lib/billing/apps";
import { APP_SORTS, appsJson, countApps, listAppsPage } from "@/lib/services/apps";
import { termView } from "@/lib/billing/term";
import { now } from "@/lib/clock";
import { AppsTable } from "@/components/apps/apps-table";
import { CreateAppDialog } from "@/components/apps/create-app-dialog";
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
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps"))("title") };
}

const STATUSES: AppStatus[] = ["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed"];
const EDITIONS = ["trial", "pro", "ultimate"] as const;

export default async function AppsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("apps");
  const ts = await getTranslations("status");
  const te = await getTranslations("edition");
  const sp = await searchParams;
  const { page, size, offset } = pageParams(sp, 25);
  const filter = {
    q: textParam(sp),
    status: enumParam(sp, "status", STATUSES),
    edition: enumParam(sp, "edition", EDITIONS),
  };
  const sort = enumParam(sp, "sort", APP_SORTS);
  const dir = enumParam(sp, "dir", ["asc", "desc"] as const) ?? (sort ? "asc" : "desc");
  const [{ rows, total }, counts] = await Promise.all([
    listAppsPage(actor.accountId, filter, { sort, dir, limit: size, offset }),
    countApps(actor.accountId),
  ]);
  const atCap = isAtCap(counts.counted);
  const params = plainParams(sp);
  const none = counts.counted + counts.reclaimed === 0;
  const at = await now();
  const terms = Object.fromEntries(rows.map((a) => [a.sdkAppId, termView(a, at)]));
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<CreateAppDialog atCap={atCap} cap={APP_CAP} />}
      />
      {none ? (
        <EmptyState
          icon={<MessagesSquare className="size-8" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
        />
      ) : (
        <div className="grid gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <SearchBox placeholder={t("searchPlaceholder")} />
            <FilterSelect
              param="status"
              label={t("filterStatus")}
              options={STATUSES.map((s) => ({ value: s, label: ts(s) }))}
            />
            <FilterSelect
              param="edition"
              label={t("filterEdition")}
              options={EDITIONS.map((e) => ({ value: e, label: te(e) }))}
            />
            <ClearFilters path="/apps" params={params} keys={["q", "status", "edition"]} />
          </div>
          <AppsTable apps={await appsJson(rows)} terms={terms} params={params} sort={sort ?? "createdAt"} dir={dir} />
          <Pagination path="/apps" params={params} page={page} size={size} total={total} />
        </div>
      )}
    </div>
  );
}
