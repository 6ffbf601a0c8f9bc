import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { readClock } from "@/lib/services/test-clock";
import { ClockControls } from "@/components/admin/clock-controls";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("clockTitle") };
}

export default async function ClockPage() {
  await requireOperator();
  const t = await getTranslations("admin");
  const tl = await getTranslations("operatorWords");
  const clock = await readClock();
  return (
    <div className="grid gap-6">
      <PageHeader title={t("clockTitle")} description={t("clockDescription")} />
      <Card>
        <CardHeader>
          <CardDescription>
            {t("clockNow")} · {t("clockMode")}
            {tl("colon")}
            {tl(`clockMode.${clock.mode}`)}
          </CardDescription>
          <CardTitle className="text-3xl tabular-nums" data-testid="clock-now">
            {formatDateTime(clock.now)}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {clock.mode === "test" ? (
            <ClockControls />
          ) : (
            <p className="text-sm text-muted-foreground">{t("clockProduction")}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
