import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CircleAlert } from "lucide-react";
import { now } from "@/lib/clock";
import { formatCNY, formatDateTime } from "@/lib/format";
import { toMoneyString } from "@/lib/money";
import { arrearsState } from "@/lib/services/bill-views";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** R-LIFE-4: the red arrears banner on every customer page — how much to pay and by when. */
export async function ArrearsBanner({ accountId }: { accountId: string }) {
  const state = await arrearsState(accountId, await now());
  if (!state) return null;
  const t = await getTranslations("bills.arrears");
  const owed = formatCNY(toMoneyString(state.owed));
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-4 md:px-6 print:hidden" data-testid="arrears-banner">
      <Alert variant="destructive" role="alert">
        <CircleAlert />
        <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
          <span>
            {state.suspended ? t("suspended", { owed }) : t("due", { owed, at: formatDateTime(state.suspendAt) })}
          </span>
          <Link href="/balance" className="font-medium underline underline-offset-4">
            {t("pay")}
          </Link>
        </AlertDescription>
      </Alert>
    </div>
  );
}
