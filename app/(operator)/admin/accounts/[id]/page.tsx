import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatCNY, formatDateTime, formatExpiryDay } from "@/lib/format";
import { getAccount, listAccountUsers } from "@/lib/services/accounts";
import { listApps } from "@/lib/services/apps";
import { loginLocks } from "@/lib/services/login";
import { now } from "@/lib/clock";
import { listLedger } from "@/lib/services/ledger";
import { listOrders } from "@/lib/services/purchase";
import { listRefunds } from "@/lib/services/refund";
import { AccountHistory } from "@/components/admin/account-history";
import { ClearLockButton, TopUpForm, VerifyButton } from "@/components/admin/account-controls";
import { StatusBadge } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard } from "@/components/table-card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { accountJson, orderJson, refundJson } from "@/lib/wire";

type Props = { params: Promise<{ id: string }> };

async function load(raw: string) {
  if (!z.uuid().safeParse(raw).success) notFound();
  try {
    return await getAccount(raw);
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("accountsTitle") };
}

export default async function AccountPage({ params }: Props) {
  await requireOperator();
  const row = await load((await params).id);
  const account = accountJson(row);
  const [ledger, users, apps, orders, refunds] = await Promise.all([
    listLedger(row.id),
    listAccountUsers(row.id),
    listApps(row.id),
    listOrders(row.id, { limit: 50 }),
    listRefunds({ accountId: row.id, limit: 50 }),
  ]);
  const [locks, at] = await Promise.all([loginLocks(users.map((u) => u.email)), now()]);
  const t = await getTranslations("admin");
  const to = await getTranslations("overview");
  const tn = await getTranslations("nav");
  const tk = await getTranslations("ledgerKind");
  const te = await getTranslations("edition");
  const ta = await getTranslations("apps");

  return (
    <div className="grid gap-6">
      <Link
        href="/admin/accounts"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" />
        {t("accountsTitle")}
      </Link>
      <PageHeader
        title={account.name}
        description={`ID ${account.id}`}
        actions={
          account.verified ? (
            <Badge variant="success">{to("verified")}</Badge>
          ) : (
            <VerifyButton accountId={account.id} name={account.name} />
          )
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ["available", account.balance.available],
            ["cash", account.balance.cash],
            ["gift", account.balance.gift],
          ] as const
        ).map(([k, v]) => (
          <Card key={k}>
            <CardHeader>
              <CardDescription>{to(k)}</CardDescription>
              <CardTitle className="text-2xl tabular-nums" data-testid={`account-${k}`}>
                {formatCNY(v)}
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>
      <TopUpForm accountId={account.id} name={account.name} />
      <TableCard title={t("ledger")} isEmpty={ledger.length === 0} empty={t("noLedger")}>
        <Table aria-label={t("ledger")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("ledgerAt")}</TableHead>
              <TableHead>{t("ledgerKind")}</TableHead>
              <TableHead className="text-right">{t("ledgerCash")}</TableHead>
              <TableHead className="text-right">{t("ledgerGift")}</TableHead>
              <TableHead className="text-right">{t("ledgerBalance")}</TableHead>
              <TableHead>{t("ledgerNote")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ledger.map((l) => (
              <TableRow key={l.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(l.at)}</TableCell>
                <TableCell>{tk.has(l.kind) ? tk(l.kind) : l.kind}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCNY(l.cashDelta)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCNY(l.giftDelta)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCNY(l.availableAfter)}</TableCell>
                <TableCell className="text-muted-foreground">{l.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableCard>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("users")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Table aria-label={t("users")}>
              <TableBody>
                {users.map((u) => (
                  <TableRow key={u.id}>
                    <TableCell className="font-medium">{u.name}</TableCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell>
                      <Badge variant={u.role === "owner" ? "default" : "secondary"}>
                        {tn(`role.${u.role ?? "member"}`)}
                      </Badge>
                    </TableCell>
                    <TableCell data-testid={`login-lock-${u.email}`}>
                      {(() => {
                        const lock = locks.get(u.email);
                        if (!lock || lock.failures === 0) return null;
                        const locked = lock.lockedUntil && lock.lockedUntil > at;
                        return (
                          <div className="flex flex-wrap items-center gap-2">
                            <Badge variant={locked ? "destructive" : "secondary"}>
                              {locked
                                ? t("loginLockedUntil", { time: formatDateTime(lock.lockedUntil!) })
                                : t("loginFailures", { count: lock.failures })}
                            </Badge>
                            <ClearLockButton accountId={account.id} email={u.email} />
                          </div>
                        );
                      })()}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <TableCard title={t("accountApps")} isEmpty={apps.length === 0} empty={ta("emptyTitle")}>
          <Table aria-label={t("accountApps")}>
            <TableBody>
              {apps.map((a) => (
                <TableRow key={a.id}>
                  <TableCell className="font-medium">{a.name}</TableCell>
                  <TableCell className="font-mono text-sm">{a.sdkAppId}</TableCell>
                  <TableCell className="whitespace-nowrap">{te(a.edition)}</TableCell>
                  <TableCell>
                    <StatusBadge status={a.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {a.expiresAt ? formatExpiryDay(a.expiresAt) : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableCard>
      </div>
      <AccountHistory orders={orders.map(orderJson)} refunds={refunds.map(refundJson)} />
    </div>
  );
}
