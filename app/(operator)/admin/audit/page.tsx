import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ScrollText } from "lucide-react";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listAudit } from "@/lib/services/audit";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { unstorableReason } from "@/lib/validation/text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("auditTitle") };
}

type Props = { searchParams: Promise<{ q?: string }> };

function change(before: unknown, after: unknown): string {
  const fmt = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
  const b = fmt(before), a = fmt(after);
  return b ? `${b} → ${a}` : a;
}

export default async function AuditPage({ searchParams }: Props) {
  await requireOperator();
  const t = await getTranslations("admin");
  const tc = await getTranslations("common");
  const raw = (await searchParams).q;
  // A search text no column can hold (NUL, lone surrogate) finds nothing rather than failing the page.
  const q = typeof raw === "string" && unstorableReason(raw) === null ? raw.trim().slice(0, 100) || undefined : undefined;
  const rows = await listAudit({ q, limit: 200 });
  return (
    <div className="grid gap-6">
      <PageHeader title={t("auditTitle")} description={t("auditDescription")} />
      <form className="flex gap-2" role="search">
        <Input name="q" defaultValue={q} placeholder={t("auditSearch")} aria-label={tc("search")} className="max-w-md" />
        <Button type="submit" variant="outline">{tc("search")}</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState icon={<ScrollText className="size-8" />} title={t("noAudit")} />
      ) : (
        <Table aria-label={t("auditTitle")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("auditCol.at")}</TableHead>
              <TableHead>{t("auditCol.actor")}</TableHead>
              <TableHead>{t("auditCol.action")}</TableHead>
              <TableHead>{t("auditCol.entity")}</TableHead>
              <TableHead>{t("auditCol.change")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(r.at)}</TableCell>
                <TableCell className="max-w-40 truncate font-mono text-xs" title={r.actor}>{r.actor}</TableCell>
                <TableCell className="font-mono text-xs">{r.action}</TableCell>
                <TableCell className="font-mono text-xs">{r.entityType}:{r.entityId.slice(0, 12)}</TableCell>
                <TableCell className="max-w-96 truncate font-mono text-xs" title={change(r.before, r.after)}>{change(r.before, r.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
