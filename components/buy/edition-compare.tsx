"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ChevronDown } from "lucide-react";
import type { EditionEntry, Limits, PaidEdition, PriceBook } from "@/lib/billing/price-book";
import { formatCNY } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const COLUMNS = ["trial", "pro", "ultimate"] as const;
const LIMIT_ROWS: (keyof Limits)[] = [
  "users",
  "friendsPerUser",
  "groupsPerUser",
  "membersPerGroup",
  "groups",
  "liveGroups",
  "dailyNewGroups",
  "historyDays",
  "freeDau",
  "freePeakGroups",
];
const FEATURE_ROWS = ["security", "broadcast", "multiDevice", "localSearch", "liveHistory", "communities"] as const;

/** SPEC §4's edition table, with what a paid edition gains over trial highlighted. */
export function EditionCompare({ book, selected }: { book: PriceBook; selected: PaidEdition }) {
  const t = useTranslations("buy.compare");
  const te = useTranslations("edition");
  const f = useFormatter();

  const limit = (key: keyof Limits, n: number) =>
    n < 0 ? t("unlimited") : key === "historyDays" ? t("days", { value: n }) : f.number(n);
  const feature = (key: (typeof FEATURE_ROWS)[number], e: EditionEntry): string => {
    const x = e.features;
    switch (key) {
      case "security":
        return x.securityAdvancedPurchasable ? t("securityPlus") : t("securityBasic");
      case "broadcast":
        return x.broadcast === "on_application" ? t("onApplication") : t("no");
      case "communities":
        return x.communities === "on_application" ? t("communities") : t("no");
      default:
        return x[key] ? t("yes") : t("no");
    }
  };
  // On narrow screens the table compares trial with the chosen edition only.
  const hidden = (c: (typeof COLUMNS)[number]) =>
    c !== "trial" && c !== selected ? "hidden sm:table-cell" : undefined;
  const rows: { key: string; label: string; values: string[] }[] = [
    {
      key: "price",
      label: t("price"),
      values: COLUMNS.map((c) => (c === "trial" ? t("free") : formatCNY(book.editions[c].monthly))),
    },
    ...LIMIT_ROWS.map((k) => ({
      key: k,
      label: t(`row.${k}`),
      values: COLUMNS.map((c) => limit(k, book.editions[c].limits[k])),
    })),
    ...FEATURE_ROWS.map((k) => ({
      key: k,
      label: t(`row.${k}`),
      values: COLUMNS.map((c) => feature(k, book.editions[c])),
    })),
  ];

  return (
    <details open className="group mt-4 rounded-lg border">
      <summary
        className={
          "flex cursor-pointer list-none items-center justify-between gap-2 px-4 " +
          "py-3 text-sm font-medium [&::-webkit-details-marker]:hidden"
        }
      >
        <span>
          {t("title")} <span className="font-normal text-muted-foreground">· {t("description")}</span>
        </span>
        <ChevronDown className="size-4 shrink-0 transition-transform group-open:rotate-180" aria-hidden="true" />
      </summary>
      <div className="border-t p-2">
        <Table aria-label={t("title")} className="text-xs sm:text-sm">
          <TableHeader>
            <TableRow>
              <TableHead>{t("feature")}</TableHead>
              {COLUMNS.map((c) => (
                <TableHead
                  key={c}
                  className={cn("text-right", c === selected && "bg-primary/10 text-foreground", hidden(c))}
                >
                  {te(c)}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell className="text-muted-foreground">{r.label}</TableCell>
                {r.values.map((v, i) => {
                  const gain = i > 0 && r.key !== "price" && v !== r.values[0];
                  return (
                    <TableCell
                      key={COLUMNS[i]}
                      className={cn(
                        "text-right tabular-nums",
                        COLUMNS[i] === selected && "bg-primary/5",
                        gain && "font-medium text-primary",
                        hidden(COLUMNS[i]!),
                      )}
                    >
                      {v}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </details>
  );
}
