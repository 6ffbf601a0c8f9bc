import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Calculator, LogIn, MessagesSquare } from "lucide-react";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { Button } from "@/components/ui/button";

/** The public top bar: product, where you are, language, log in. */
export async function CalculatorHeader() {
  const t = await getTranslations("calculator.header");
  const tc = await getTranslations("common");
  return (
    <header className="sticky top-0 z-20 border-b bg-background/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 md:px-6">
        <div className="flex min-w-0 items-center gap-3">
          <Link href="/login" className="flex min-w-0 items-center gap-2 font-semibold">
            <MessagesSquare className="size-5 shrink-0 text-primary" aria-hidden="true" />
            <span className="hidden truncate sm:inline">{tc("product")}</span>
            <span className="truncate sm:hidden">{tc("productShort")}</span>
          </Link>
          <span className="hidden h-5 border-l sm:block" aria-hidden="true" />
          <span className="hidden items-center gap-1.5 text-sm text-muted-foreground sm:flex">
            <Calculator className="size-4" aria-hidden="true" />
            {t("calculator")}
          </span>
        </div>
        <nav className="flex shrink-0 items-center gap-1">
          <LocaleSwitcher />
          <Button asChild size="sm" variant="outline">
            <Link href="/login">
              <LogIn aria-hidden="true" />
              {t("login")}
            </Link>
          </Button>
        </nav>
      </div>
    </header>
  );
}
