import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { clockMode } from "@/lib/clock";
import { AppShell } from "@/components/shell/app-shell";
import type { NavItem } from "@/components/shell/nav-links";

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireOperator();
  const t = await getTranslations("nav");
  const tf = await getTranslations("featureQueue");
  const items: NavItem[] = [
    { href: "/admin", label: t("adminOverview"), icon: "overview", exact: true },
    { href: "/admin/accounts", label: t("accounts"), icon: "accounts" },
    { href: "/admin/refunds", label: t("refundReview"), icon: "refundReview" },
    { href: "/admin/features", label: tf("nav"), icon: "featureApplications" },
    { href: "/admin/campaigns", label: t("campaigns"), icon: "campaigns" },
    { href: "/admin/vouchers", label: t("vouchers"), icon: "vouchers" },
    { href: "/admin/audit", label: t("audit"), icon: "audit" },
    { href: "/admin/jobs", label: t("jobs"), icon: "jobs" },
  ];
  if (clockMode() === "test") items.push({ href: "/admin/clock", label: t("clock"), icon: "clock" });
  return (
    <AppShell
      title={t("operatorConsole")}
      user={{ name: user.name, email: user.email, roleLabel: t("role.operator") }}
      items={items}
    >
      {children}
    </AppShell>
  );
}
