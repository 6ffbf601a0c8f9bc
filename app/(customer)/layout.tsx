import { getTranslations } from "next-intl/server";
import { requireCustomer } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";
import { LifecycleBanners } from "@/components/shell/lifecycle-banners";
import { NotificationBell } from "@/components/shell/notification-bell";
import { ArrearsBanner } from "@/components/bills/arrears-banner";

export default async function CustomerLayout({ children }: { children: React.ReactNode }) {
  const { user, actor } = await requireCustomer();
  const t = await getTranslations("nav");
  const tb = await getTranslations("bills");
  return (
    <AppShell
      title={t("console")}
      user={{ name: user.name, email: user.email, roleLabel: t(`role.${user.role ?? "member"}`) }}
      banner={
        <>
          <ArrearsBanner accountId={actor.accountId} />
          <LifecycleBanners accountId={actor.accountId} />
        </>
      }
      headerActions={<NotificationBell accountId={actor.accountId} />}
      items={[
        { href: "/overview", label: t("overview"), icon: "overview" },
        { href: "/apps", label: t("apps"), icon: "apps" },
        { href: "/buy", label: t("buy"), icon: "buy" },
        { href: "/renewals", label: t("renewals"), icon: "renewals" },
        { href: "/orders", label: t("orders"), icon: "orders" },
        { href: "/bills", label: tb("nav"), icon: "bills" },
        { href: "/refunds", label: t("refunds"), icon: "refunds" },
        { href: "/balance", label: t("balance"), icon: "balance" },
        { href: "/notifications", label: t("notifications"), icon: "notifications" },
        { href: "/settings", label: t("settings"), icon: "settings" },
      ]}
    >
      {children}
    </AppShell>
  );
}
