"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import Decimal from "decimal.js";
import { formatCNY, formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type AccountRowView = { id: string; name: string; ownerEmail: string | null; verified: boolean; appCount: number; available: string; createdAt: string };
type SortKey = "name" | "owner" | "verified" | "apps" | "available" | "createdAt";

const compare: Record<SortKey, (a: AccountRowView, b: AccountRowView) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  owner: (a, b) => (a.ownerEmail ?? "").localeCompare(b.ownerEmail ?? ""),
  verified: (a, b) => Number(a.verified) - Number(b.verified),
  apps: (a, b) => a.appCount - b.appCount,
  available: (a, b) => new Decimal(a.available).comparedTo(b.available),
  createdAt: (a, b) => a.createdAt.localeCompare(b.createdAt),
};

export function AccountsTable({ accounts }: { accounts: AccountRowView[] }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const to = useTranslations("overview");
  const [q, setQ] = useState("");
  const [verified, setVerified] = useState("all");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "createdAt", dir: -1 });

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return accounts
      .filter((a) => (!needle || a.name.toLowerCase().includes(needle) || (a.ownerEmail ?? "").includes(needle) || a.id === needle) && (verified === "all" || String(a.verified) === verified))
      .sort((a, b) => compare[sort.key](a, b) * sort.dir);
  }, [accounts, q, verified, sort]);

  const head = (key: SortKey) => {
    const active = sort.key === key;
    const Icon = !active ? ArrowUpDown : sort.dir === 1 ? ArrowUp : ArrowDown;
    return (
      <TableHead aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <button type="button" className="inline-flex items-center gap-1 hover:text-foreground" onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}>
          {t(`col.${key}`)}<Icon className="size-3.5" />
        </button>
      </TableHead>
    );
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        <div className="relative min-w-52 flex-1">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" />
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchAccounts")} aria-label={tc("search")} className="pl-8" />
        </div>
        <Select value={verified} onValueChange={setVerified}>
          <SelectTrigger className="w-40" aria-label={to("verification")}><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{to("verification")}: {tc("all")}</SelectItem>
            <SelectItem value="true">{to("verified")}</SelectItem>
            <SelectItem value="false">{to("unverified")}</SelectItem>
          </SelectContent>
        </Select>
      </div>
      <Table aria-label={t("accountsTitle")}>
        <TableHeader>
          <TableRow>{head("name")}{head("owner")}{head("verified")}{head("apps")}{head("available")}{head("createdAt")}</TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => (
            <TableRow key={a.id}>
              <TableCell className="font-medium"><Link className="text-primary hover:underline" href={`/admin/accounts/${a.id}`}>{a.name}</Link></TableCell>
              <TableCell>{a.ownerEmail}</TableCell>
              <TableCell>{a.verified ? <Badge variant="success">{to("verified")}</Badge> : <Badge variant="warning">{to("unverified")}</Badge>}</TableCell>
              <TableCell className="tabular-nums">{a.appCount}</TableCell>
              <TableCell className="tabular-nums">{formatCNY(a.available)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.createdAt)}</TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow><TableCell colSpan={6} className="py-8 text-center text-muted-foreground">{accounts.length ? tc("noMatch") : t("noAccounts")}</TableCell></TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
