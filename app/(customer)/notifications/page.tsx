import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Bell } from "lucide-react";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema/notifications";
import { requireCustomer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { toLocale } from "@/lib/i18n/config";
import { listNotifications } from "@/lib/services/inbox";
import { InboxFilters } from "@/components/notifications/inbox-filters";
import { InboxList, MarkAllReadButton } from "@/components/notifications/inbox-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

type Props = { searchParams: Promise<{ kind?: string; unread?: string }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("inbox");
  const sp = await searchParams;
  const kind = (NOTIFICATION_KINDS as readonly string[]).includes(sp.kind ?? "")
    ? (sp.kind as NotificationKind)
    : undefined;
  const unread = sp.unread === "1";
  const rows = await listNotifications(actor.accountId, toLocale(await getLocale()), { kind, unread });
  const anyUnread = rows.some((r) => !r.readAt);
  const filtered = Boolean(kind || unread);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={anyUnread || unread ? <MarkAllReadButton /> : null}
      />
      <InboxFilters kind={kind ?? null} unread={unread} />
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<Bell className="size-8" />}
            title={t("emptyFiltered")}
            description={t("emptyFilteredDescription")}
          />
        ) : (
          <EmptyState
            icon={<Bell className="size-8" />}
            title={t("empty")}
            description={t("emptyDescription")}
            action={
              can(actor, "alerts:manage") ? (
                <Button asChild variant="outline">
                  <Link href="/settings#alert-recipients">{t("toSettings")}</Link>
                </Button>
              ) : undefined
            }
          />
        )
      ) : (
        <InboxList items={rows} />
      )}
    </div>
  );
}
