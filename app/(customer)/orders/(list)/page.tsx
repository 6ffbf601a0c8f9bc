import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReceiptText, ShoppingCart } from "lucide-react";
import { ORDER_TYPES } from "@/db/schema/orders";
import { requireCustomer } from "@/lib/auth/session";
import { countOrders, listOrders } from "@/lib/services/purchase";
import { OrdersTable } from "@/components/orders/orders-table";
import { FilterForm } from "@/components/list/filter-form";
import { Pagination } from "@/components/list/pagination";
import { listHref, parseListParams, type SearchParams } from "@/components/list/params";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { orderJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

const PATH = "/orders";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("orders");
  const tc = await getTranslations("common");
  const sp = await searchParams;
  const params = parseListParams(sp, { pageSize: 20 });
  const typeRaw = typeof sp.type === "string" ? sp.type : "";
  const type = (ORDER_TYPES as readonly string[]).includes(typeRaw)
    ? (typeRaw as (typeof ORDER_TYPES)[number])
    : undefined;
  const filter = { q: params.q, type, ...params.range };
  const [total, rows, any] = await Promise.all([
    countOrders(actor.accountId, filter),
    listOrders(actor.accountId, { ...filter, limit: params.pageSize, offset: params.offset }),
    countOrders(actor.accountId),
  ]);
  const orders = rows.map(orderJson);
  const buy = (
    <Button asChild>
      <Link href="/buy">
        <ShoppingCart className="size-4" />
        {t("buy")}
      </Link>
    </Button>
  );
  const typeSelect = (
    <div className="grid gap-1">
      <Label htmlFor="list-type">{t("filterType")}</Label>
      <select
        id="list-type"
        name="type"
        defaultValue={type ?? ""}
        className="h-9 rounded-md border bg-background px-2 text-sm"
      >
        <option value="">{tc("all")}</option>
        {ORDER_TYPES.map((x) => (
          <option key={x} value={x}>
            {t(`type.${x}`)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t("title")} description={t("description")} actions={any > 0 ? buy : undefined} />
      {any === 0 ? (
        <EmptyState
          icon={<ReceiptText className="size-8" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          action={buy}
        />
      ) : (
        <>
          <FilterForm
            path={PATH}
            params={params}
            search
            extra={typeSelect}
            csvHref={listHref("/orders/export.csv", sp, { page: null })}
          />
          <OrdersTable orders={orders} />
          <Pagination path={PATH} searchParams={sp} page={params.page} pageSize={params.pageSize} total={total} />
        </>
      )}
    </div>
  );
}
