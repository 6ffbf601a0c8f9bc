import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessagesSquare } from "lucide-react";
import { LocaleSwitcher } from "./locale-switcher";
import { LogoutButton } from "./logout-button";
import { NavLinks, type NavItem } from "./nav-links";

type Props = {
  title: string;
  items: NavItem[];
  user: { name: string; email: string; roleLabel: string };
  children: React.ReactNode;
  banner?: React.ReactNode;
  /** header items before the language switch (the customer console's notification bell) */
  headerActions?: React.ReactNode;
};

/** The console frame: sidebar (wide) or tab row (narrow), top bar with the user, language and logout. */
export async function AppShell({ title, items, user, children, banner, headerActions }: Props) {
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r bg-muted/30 md:block print:hidden">
        <div className="sticky top-0 grid gap-6 p-4">
          <Link href="/" className="flex items-center gap-2 px-2 font-semibold">
            <MessagesSquare className="size-5 text-primary" />
            <span>{tc("productShort")}</span>
          </Link>
          <div className="grid gap-2">
            <p className="px-3 text-xs font-medium uppercase tracking-wide text-muted-foreground">{title}</p>
            <NavLinks items={items} orientation="vertical" />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 border-b bg-background/95 backdrop-blur print:hidden">
          <div className="flex h-14 items-center justify-between gap-2 px-4">
            <Link href="/" className="flex items-center gap-2 font-semibold md:hidden">
              <MessagesSquare className="size-5 text-primary" />
              <span>{tc("productShort")}</span>
            </Link>
            <div className="hidden text-sm text-muted-foreground md:block">{title}</div>
            <div className="flex items-center gap-1">
              <div className="hidden text-right text-sm leading-tight sm:block">
                <div className="font-medium" data-testid="current-user">
                  {user.name}
                </div>
                <div className="text-xs text-muted-foreground">
                  {user.roleLabel} · {user.email}
                </div>
              </div>
              {headerActions}
              <LocaleSwitcher />
              <LogoutButton label={t("logout")} />
            </div>
          </div>
          <div className="border-t px-2 py-1 md:hidden">
            <NavLinks items={items} orientation="horizontal" />
          </div>
        </header>
        {banner}
        <main className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
