"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import type { AppJson } from "@/lib/services/apps";
import type { AppStatus } from "@/lib/billing/apps";
import { formatDateTime, formatExpiryDay } from "@/lib/format";
import type { TermView } from "@/lib/billing/term";
import { TermText } from "./term-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const STATUS_VARIANT: Record<AppStatus, "success" | "warning" | "destructive" | "secondary" | "outline"> = {
  enabled: "success", grace: "warning", disabling: "warning", suspended: "destructive", stopped: "secondary", reclaimed: "outline", deleted: "outline",
};
const STATUSES: AppStatus[] = ["enabled", "grace", "disabling", "suspended", "stopped", "reclaimed"];
const EDITIONS = ["trial", "pro", "ultimate"] as const;
type SortKey = "name" | "sdkAppId" | "edition" | "status" | "createdAt" | "expiresAt";

/** The account's apps: search by name or SDKAppID, filter by status and edition, sort by any column. */
export function AppsTable({ apps, terms }: { apps: AppJson[]; terms: Record<number, TermView> }) {
  const t = useTranslations("apps");
  const tc = useTranslations("common");
  const ts = useTranslations("status");
  const te = useTranslations("edition");
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("all");
  const [edition, setEdition] = useState("all");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "createdAt", dir: -1 });

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const filtered = apps.filter(
      (a) =>
        (!needle || a.name.toLowerCase().includes(needle) || String(a.sdkAppId).includes(needle)) &&
        (status === "all" || a.status === status) &&
        (edition === "all" || a.edition === edition),
    );
    const value = (a: AppJson): string | number => (sort.key === "sdkAppId" ? a.sdkAppId : (a[sort.key] ?? ""));
    return [...filtered].sort((x, y) => {
      const a = value(x), b = value(y);
      return (a < b ? -1 : a > b ? 1 : 0) * sort.dir;
    });
  }, [apps, q, status, edition, sort]);

  const header = (key: SortKey) => {
    const active = sort.key === key;
    const Icon = !active ? ArrowUpDown : sort.dir === 1 ? ArrowUp : ArrowDown;
    return (
      <TableHead aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          className="inline-flex items-center gap-1 hover:text-foreground"
          onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
          aria-label={tc("sortBy", { column: t(`col.${key}`) })}
        >
          {t(`col.${key}`)}
          <Icon className="size-3.5" />
        </button>
      </TableHead>
    );
  };

  const filtering = q !== "" || status !== "all" || edition !== "all";

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-52 flex-1">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" />
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchPlaceholder")} aria-label={tc("search")} className="pl-8" />
        </div>
        <Select value={status} onValueChange={setStatus}>
          <SelectTrigger className="w-36" aria-label={t("filterStatus")}><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("filterStatus")}: {tc("all")}</SelectItem>
            {STATUSES.map((s) => <SelectItem key={s} value={s}>{ts(s)}</SelectItem>)}
          </SelectContent>
        </Select>
        <Select value={edition} onValueChange={setEdition}>
          <SelectTrigger className="w-36" aria-label={t("filterEdition")}><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("filterEdition")}: {tc("all")}</SelectItem>
            {EDITIONS.map((e) => <SelectItem key={e} value={e}>{te(e)}</SelectItem>)}
          </SelectContent>
        </Select>
        {filtering && (
          <Button variant="ghost" size="sm" onClick={() => { setQ(""); setStatus("all"); setEdition("all"); }}>{tc("clearFilters")}</Button>
        )}
      </div>
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            {header("name")}
            {header("sdkAppId")}
            {header("edition")}
            {header("status")}
            {header("createdAt")}
            {header("expiresAt")}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => (
            <TableRow key={a.sdkAppId} data-testid={`app-row-${a.sdkAppId}`}>
              <TableCell className="font-medium">
                <Link href={`/apps/${a.sdkAppId}`} className="text-primary hover:underline">{a.name}</Link>
              </TableCell>
              <TableCell className="font-mono text-sm">{a.sdkAppId}</TableCell>
              <TableCell>{te(a.edition)}</TableCell>
              <TableCell><Badge variant={STATUS_VARIANT[a.status]}>{ts(a.status)}</Badge></TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.createdAt)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{terms[a.sdkAppId] ? <TermText term={terms[a.sdkAppId]!} /> : a.expiresAt ? formatExpiryDay(a.expiresAt) : t("noExpiry")}</TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">{tc("noMatch")}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <p className="text-xs text-muted-foreground">{t("count", { count: rows.length })}</p>
    </div>
  );
}
