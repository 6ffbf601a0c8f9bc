import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { appBillLines } from "@/lib/services/bill-views";
import { formatCNY } from "@/lib/format";
import { toMoneyString, money } from "@/lib/money";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** On an app's usage section: its lines in past bills, each linking to the bill. */
export async function AppBillLines({
  accountId,
  appId,
  sdkAppId,
}: {
  accountId: string;
  appId: string;
  sdkAppId: number;
}) {
  const t = await getTranslations("bills");
  const rows = await appBillLines(accountId, appId);
  return (
    <Card role="region" aria-labelledby="app-bills-title" data-testid="app-bill-lines">
      <CardHeader>
        <CardTitle id="app-bills-title">{t("appBills")}</CardTitle>
        <CardDescription>{t("appBillsDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("appBillsEmpty")}</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {rows.map((r, i) => (
              <li key={i} className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/bills/${r.billId}#app-${sdkAppId}`}
                  className="font-medium text-primary underline-offset-4 hover:underline"
                >
                  {r.month} · {t(`item.${r.item}`)}
                </Link>
                <span className="tabular-nums">{formatCNY(toMoneyString(money(r.amount)))}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
