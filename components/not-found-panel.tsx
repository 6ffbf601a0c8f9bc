import Link from "next/link";
import { useTranslations } from "next-intl";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";

type What = "app" | "order" | "bill" | "account" | "page";
const LIST: Record<What, string> = {
  app: "/apps",
  order: "/orders",
  bill: "/bills",
  account: "/admin/accounts",
  page: "/overview",
};

/** A console page's "not found" (HTTP 404), inside the console's navigation, naming what was not found. */
export function NotFoundPanel({ what, back }: { what: What; back?: string }) {
  const t = useTranslations("notFound");
  return (
    <div className="grid justify-items-start gap-3 py-10" data-testid="not-found">
      <SearchX className="size-8 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold tracking-tight">{t(`${what}.title`)}</h1>
      <p className="max-w-prose text-muted-foreground">{t(`${what}.body`)}</p>
      <Button asChild variant="outline">
        <Link href={back ?? LIST[what]}>{t(`${what}.back`)}</Link>
      </Button>
    </div>
  );
}
