"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, CalendarClock, RefreshCw } from "lucide-react";
import { statusVariant } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AutoRenewSwitch, DontRenewButton } from "./auto-renew-controls";
import { RenewalCard, DaysLeft } from "./renewal-card";
import { RenewDialog } from "./renew-dialog";
import { RENEWABLE_STATUSES } from "@/lib/billing/apps";
import type { RenewalRow, VoucherOption } from "./types";
import { TermText } from "@/components/apps/term-text";

const RANGES = ["all", "7", "30", "90", "custom"] as const;
type Range = (typeof RANGES)[number];

/** R-LIFE-2: the account's paid apps, filtered by expiry range and status, renewed one by one or in a batch. */
type Props = {
  rows: RenewalRow[];
  vouchers: VoucherOption[];
  today: string /** from /renewals?app=…: open the renew dialog for this app */;
  openFor: number | null;
};

export function RenewalsTable({ rows, vouchers, today, openFor }: Props) {
  const t = useTranslations("renewals");
  const tc = useTranslations("common");
  const ts = useTranslations("status");
  const te = useTranslations("edition");
  const [range, setRange] = useState<Range>("all");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [status, setStatus] = useState("all");
  const [dir, setDir] = useState<1 | -1>(1);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<{ apps: RenewalRow[]; key: number; mode?: "months" | "align" } | null>(() => {
    const row = rows.find((r) => r.sdkAppId === openFor);
    return row ? { apps: [row], key: 0 } : null;
  });

  const visible = useMemo(() => {
    const inRange = (r: RenewalRow) => {
      if (range === "custom") return (!from || r.expiryDay >= from) && (!to || r.expiryDay <= to);
      // "within N days" is what is still ahead; expired apps are found
      // with the status filter (grace, disabling, suspended).
      return range === "all" || (r.daysLeft >= 0 && r.daysLeft <= Number(range));
    };
    return rows
      .filter((r) => inRange(r) && (status === "all" || r.status === status))
      .sort((a, b) => (a.expiryDay < b.expiryDay ? -1 : a.expiryDay > b.expiryDay ? 1 : a.sdkAppId - b.sdkAppId) * dir);
  }, [rows, range, from, to, status, dir]);

  const chosen = visible.filter((r) => selected.has(r.sdkAppId));
  const allChosen = visible.length > 0 && chosen.length === visible.length;
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const open = (apps: RenewalRow[]) => setDialog({ apps, key: Date.now() });
  const filtering = range !== "all" || status !== "all";

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <Select value={range} onValueChange={(v) => setRange(v as Range)}>
          <SelectTrigger className="w-44" aria-label={t("filterRange")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {RANGES.map((r) => (
              <SelectItem key={r} value={r}>
                {t(`range.${r}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {range === "custom" && (
          <>
            <div className="grid gap-1">
              <Label htmlFor="renew-from" className="text-xs text-muted-foreground">
                {t("from")}
              </Label>
              <Input
                id="renew-from"
                type="date"
                className="w-40"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="renew-to" className="text-xs text-muted-foreground">
                {t("to")}
              </Label>
              <Input id="renew-to" type="date" className="w-40" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
          </>
        )}
        <Select value={status} onValueChange={setStatus}>
          <SelectTrigger className="w-36" aria-label={t("filterStatus")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">
              {t("filterStatus")}: {tc("all")}
            </SelectItem>
            {RENEWABLE_STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {ts(s)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {filtering && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setRange("all");
              setFrom("");
              setTo("");
              setStatus("all");
            }}
          >
            {tc("clearFilters")}
          </Button>
        )}
        <div className="ml-auto flex items-center gap-2">
          <span className="text-sm text-muted-foreground" aria-live="polite">
            {t("selectedCount", { count: chosen.length })}
          </span>
          <Button
            variant="outline"
            disabled={chosen.length === 0}
            onClick={() => setDialog({ apps: chosen, key: Date.now(), mode: "align" })}
          >
            <CalendarClock className="size-4" />
            {t("alignSelected")}
          </Button>
          <Button disabled={chosen.length === 0} onClick={() => open(chosen)}>
            <RefreshCw className="size-4" />
            {t("renewSelected")}
          </Button>
        </div>
      </div>
      <ul className="grid gap-3 md:hidden" aria-label={t("title")}>
        {visible.map((r) => (
          <RenewalCard
            key={r.sdkAppId}
            row={r}
            selected={selected.has(r.sdkAppId)}
            onSelect={(on) => toggle(r.sdkAppId, on)}
            onRenew={() => open([r])}
          />
        ))}
        {visible.length === 0 && (
          <li className="rounded-lg border py-8 text-center text-sm text-muted-foreground">{tc("noMatch")}</li>
        )}
      </ul>
      <div className="hidden md:block">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox
                  aria-label={t("selectAll")}
                  checked={allChosen ? true : chosen.length > 0 ? "indeterminate" : false}
                  onCheckedChange={(c) => setSelected(c === true ? new Set(visible.map((r) => r.sdkAppId)) : new Set())}
                />
              </TableHead>
              <TableHead>{t("col.app")}</TableHead>
              <TableHead>{t("col.edition")}</TableHead>
              <TableHead>{t("col.status")}</TableHead>
              <TableHead aria-sort={dir === 1 ? "ascending" : "descending"}>
                <button
                  type="button"
                  className="inline-flex items-center gap-1 hover:text-foreground"
                  onClick={() => setDir(dir === 1 ? -1 : 1)}
                  aria-label={tc("sortBy", { column: t("col.expiry") })}
                >
                  {t("col.expiry")}
                  {dir === 1 ? <ArrowUp className="size-3.5" /> : <ArrowDown className="size-3.5" />}
                </button>
              </TableHead>
              <TableHead>{t("col.autoRenew")}</TableHead>
              <TableHead className="text-right">{tc("actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((r) => (
              <TableRow
                key={r.sdkAppId}
                data-state={selected.has(r.sdkAppId) ? "selected" : undefined}
                data-testid={`renewal-row-${r.sdkAppId}`}
              >
                <TableCell>
                  <Checkbox
                    aria-label={t("select", { name: r.name })}
                    checked={selected.has(r.sdkAppId)}
                    onCheckedChange={(c) => toggle(r.sdkAppId, c === true)}
                  />
                </TableCell>
                <TableCell>
                  <Link href={`/apps/${r.sdkAppId}`} className="font-medium text-primary hover:underline">
                    {r.name}
                  </Link>
                  <div className="font-mono text-xs text-muted-foreground">{r.sdkAppId}</div>
                </TableCell>
                <TableCell className="whitespace-nowrap">{te(r.edition)}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    <Badge variant={statusVariant(r.status)}>{ts(r.status)}</Badge>
                    {r.dontRenew && <Badge variant="outline">{t("dontRenewMark")}</Badge>}
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {r.term.kind === "refunded" ? (
                    <TermText
                      term={r.term}
                      className="block max-w-48 whitespace-normal text-xs text-warning-foreground"
                    />
                  ) : (
                    <>
                      <div className="tabular-nums" data-testid="expiry-day">
                        {r.expiryDay}
                      </div>
                      <DaysLeft days={r.daysLeft} />
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <AutoRenewSwitch sdkAppId={r.sdkAppId} name={r.name} enabled={r.autoRenew} />
                </TableCell>
                <TableCell>
                  <div className="flex justify-end gap-2">
                    <Button
                      size="sm"
                      variant="outline"
                      onClick={() => open([r])}
                      aria-label={t("renewOne", { name: r.name })}
                    >
                      {t("renew")}
                    </Button>
                    <DontRenewButton sdkAppId={r.sdkAppId} name={r.name} marked={r.dontRenew} />
                  </div>
                </TableCell>
              </TableRow>
            ))}
            {visible.length === 0 && (
              <TableRow>
                <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">
                  {tc("noMatch")}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <p className="text-xs text-muted-foreground">{t("todayNote", { today, count: visible.length })}</p>
      {dialog && (
        <RenewDialog
          key={dialog.key}
          apps={dialog.apps}
          mode={dialog.mode}
          vouchers={vouchers}
          onClose={(done) => {
            setDialog(null);
            if (done) setSelected(new Set());
          }}
        />
      )}
    </div>
  );
}
