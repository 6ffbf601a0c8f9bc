import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Bell } from "lucide-react";
import { unreadCount } from "@/lib/services/inbox";

/** The header bell: unread notifications of the account, linking to the inbox (R-LIFE-6). */
export async function NotificationBell({ accountId }: { accountId: string }) {
  const t = await getTranslations("inbox");
  const n = await unreadCount(accountId);
  const label = n > 0 ? t("bellUnread", { count: n }) : t("bell");
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className={
        "relative inline-flex size-9 items-center justify-center rounded-md " +
        "text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground"
      }
    >
      <Bell className="size-5" />
      {n > 0 && (
        <span
          data-testid="unread-count"
          className={
            "absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-destructive px-1 " +
            "text-center text-[11px] font-semibold leading-5 text-white"
          }
        >
          {n > 99 ? "99+" : n}
        </span>
      )}
    </Link>
  );
}
