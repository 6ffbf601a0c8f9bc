"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  BadgePercent,
  Bell,
  Building2,
  CalendarClock,
  Clock,
  FileText,
  LayoutDashboard,
  type LucideIcon,
  MessagesSquare,
  ReceiptText,
  ScrollText,
  Send,
  Settings,
  ShieldCheck,
  Sparkles,
  ShoppingCart,
  Ticket,
  Undo2,
  Wallet,
} from "lucide-react";
import { cn } from "@/lib/utils";

const ICONS: Record<string, LucideIcon> = {
  overview: LayoutDashboard,
  apps: MessagesSquare,
  buy: ShoppingCart,
  orders: ReceiptText,
  bills: FileText,
  renewals: CalendarClock,
  balance: Wallet,
  campaigns: BadgePercent,
  vouchers: Ticket,
  settings: Settings,
  accounts: Building2,
  refunds: Undo2,
  refundReview: ShieldCheck,
  audit: ScrollText,
  clock: Clock,
  notifications: Bell,
  jobs: Send,
  featureApplications: Sparkles,
};

export type NavItem = { href: string; label: string; icon: keyof typeof ICONS; exact?: boolean };

/** Sidebar links on wide screens, a scrollable tab row on narrow ones; the current page is marked. */
export function NavLinks({ items, orientation }: { items: NavItem[]; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  return (
    <nav aria-label="main" className={cn(orientation === "vertical" ? "grid gap-1" : "flex gap-1 overflow-x-auto")}>
      {items.map((item) => {
        const active = item.exact
          ? pathname === item.href
          : pathname === item.href || pathname.startsWith(`${item.href}/`);
        const Icon = ICONS[item.icon]!;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium " +
                "text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
              active && "bg-accent text-foreground",
            )}
          >
            <Icon className="size-4" />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
