import { getTranslations } from "next-intl/server";
import { BadgeCheck, CircleAlert, Scale } from "lucide-react";
import type { Verdict } from "@/lib/billing/calculator";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { cny } from "./format";

/** Which edition is cheaper for the workload, or that they cost the same, or that one or both cannot meet it. */
export async function VerdictBanner({ verdict, months }: { verdict: Verdict; months: number }) {
  const t = await getTranslations("calculator.verdict");
  const te = await getTranslations("edition");
  switch (verdict.kind) {
    case "cheaper":
      return (
        <Alert variant="success" data-testid="verdict">
          <BadgeCheck />
          <AlertTitle>{t("cheaperTitle", { edition: te(verdict.edition) })}</AlertTitle>
          <AlertDescription>
            {months === 1
              ? t("cheaperMonthly", { monthly: cny(verdict.monthlySaving) })
              : t("cheaperTerm", { monthly: cny(verdict.monthlySaving), term: cny(verdict.termSaving), months })}
          </AlertDescription>
        </Alert>
      );
    case "equal":
      return (
        <Alert data-testid="verdict">
          <Scale />
          <AlertTitle>{t("equalTitle")}</AlertTitle>
          <AlertDescription>{t("equal")}</AlertDescription>
        </Alert>
      );
    case "only":
      return (
        <Alert variant="warning" data-testid="verdict">
          <CircleAlert />
          <AlertTitle>{t("onlyTitle", { edition: te(verdict.edition) })}</AlertTitle>
          <AlertDescription>{t("only")}</AlertDescription>
        </Alert>
      );
    case "neither":
      return (
        <Alert variant="destructive" data-testid="verdict">
          <CircleAlert />
          <AlertTitle>{t("neitherTitle")}</AlertTitle>
          <AlertDescription>{t("neither")}</AlertDescription>
        </Alert>
      );
  }
}
