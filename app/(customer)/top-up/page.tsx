import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Landmark } from "lucide-react";
import { requireCustomer } from "@/lib/auth/session";
import { formatCNY } from "@/lib/format";
import { parseMoneyInput } from "@/lib/money";
import { getAccount } from "@/lib/services/accounts";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { accountJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("topUp"))("title") };
}

/** Where "insufficient balance → top up" leads: customers cannot top up themselves; an operator records transfers. */
export default async function TopUpPage({
  searchParams,
}: {
  searchParams: Promise<{ shortfall?: string | string[] }>;
}) {
  const { actor } = await requireCustomer();
  const t = await getTranslations("topUp");
  const account = accountJson(await getAccount(actor.accountId));
  const raw = (await searchParams).shortfall;
  const shortfall = typeof raw === "string" ? parseMoneyInput(raw) : null;
  const steps = t.raw("steps") as string[];
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {shortfall?.gt(0) && (
        <Alert variant="warning" data-testid="top-up-shortfall">
          <AlertDescription>{t("shortfall", { amount: formatCNY(shortfall.toFixed(2)) })}</AlertDescription>
        </Alert>
      )}
      <p className="text-sm" data-testid="top-up-balance">
        {t("balance", {
          available: formatCNY(account.balance.available),
          cash: formatCNY(account.balance.cash),
          gift: formatCNY(account.balance.gift),
        })}
      </p>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Landmark className="size-5" aria-hidden />
            {t("stepsTitle")}
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ol className="grid list-decimal gap-2 pl-5 text-sm leading-relaxed">
            {steps.map((s, i) => (
              <li key={i}>{s.replace("{accountId}", account.id)}</li>
            ))}
          </ol>
          <div className="grid gap-1">
            <span className="text-sm text-muted-foreground">{t("accountId")}</span>
            <code
              className="w-fit break-all rounded-md bg-muted px-2 py-1 font-mono text-sm"
              data-testid="top-up-account-id"
            >
              {account.id}
            </code>
          </div>
          <p className="text-sm text-muted-foreground">{t("note")}</p>
        </CardContent>
      </Card>
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link href="/buy">{t("back")}</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/balance">{t("toBalance")}</Link>
        </Button>
      </div>
    </div>
  );
}
