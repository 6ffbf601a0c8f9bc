import { getTranslations } from "next-intl/server";
import type { Entitlements } from "@/lib/billing/entitlements";
import type { Limits } from "@/lib/billing/price-book";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const SHOWN: (keyof Limits)[] = [
  "users",
  "groups",
  "liveGroups",
  "membersPerGroup",
  "groupsPerUser",
  "dailyNewGroups",
  "historyDays",
  "freeDau",
  "freePeakGroups",
];

/** R-PRICE-4/5: what the app may do now — its edition's limits raised by its packs — and its service state. */
export async function LimitsCard({ now, base }: { now: Entitlements; base: Limits }) {
  const t = await getTranslations("limits");
  const n = (v: number) => (v === -1 ? t("unlimited") : v.toLocaleString("en-US"));
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("title")}
          <Badge variant={now.serviceAvailable ? "success" : "destructive"}>
            {now.serviceAvailable ? t("serviceOn") : t("serviceOff")}
          </Badge>
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("item")}</TableHead>
              <TableHead className="text-right">{t("edition")}</TableHead>
              <TableHead className="text-right">{t("current")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {SHOWN.map((k) => (
              <TableRow key={k}>
                <TableCell>{t(`items.${k}`)}</TableCell>
                <TableCell className="text-right tabular-nums text-muted-foreground">{n(base[k])}</TableCell>
                <TableCell
                  className={`text-right tabular-nums ${now.limits[k] !== base[k] ? "font-semibold text-primary" : ""}`}
                >
                  {n(now.limits[k])}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
