import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReceiptText, ShoppingCart } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { listOrders } from "@/lib/services/purchase";
import { orderJson } from "@/lib/services/order-json";
import { OrdersTable } from "@/components/orders/orders-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage() {
  const { actor } = await requireCustomer();
  const t = await getTranslations("orders");
  const orders = (await listOrders(actor.accountId)).map(orderJson);
  const buy = (
    <Button asChild><Link href="/buy"><ShoppingCart className="size-4" />{t("buy")}</Link></Button>
  );
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} actions={orders.length > 0 ? buy : undefined} />
      {orders.length === 0 ? (
        <EmptyState icon={<ReceiptText className="size-8" />} title={t("emptyTitle")} description={t("emptyDescription")} action={buy} />
      ) : (
        <OrdersTable orders={orders} />
      )}
    </div>
  );
}
