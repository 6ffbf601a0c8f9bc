import { DAY_MS } from "@/lib/billing/calendar";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/auth/session";
import { REVIEW_COUNT_WINDOW_DAYS } from "@/lib/billing/refund";
import { now } from "@/lib/clock";
import { getAccount } from "@/lib/services/accounts";
import { findByNumber, listRefunds } from "@/lib/services/refund";
import { redirect } from "next/navigation";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ReviewQueue, type ReviewItem } from "@/components/refund-review/review-queue";
import { PageHeader } from "@/components/ui/page-header";
import { refundJson } from "@/lib/wire";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refundReview"))("title") };
}

export default async function RefundReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOperator();
  const tm = await getTranslations("money");
  const findRaw = (await searchParams).find;
  const find = typeof findRaw === "string" ? findRaw.trim().slice(0, 40) : "";
  const found = find ? await findByNumber(find) : null;
  if (found) redirect(`/admin/accounts/${found.accountId}?${found.kind}=${encodeURIComponent(found.number)}`);
  const t = await getTranslations("refundReview");
  const at = await now();
  const refunds = await listRefunds({ limit: 200 });
  const accountIds = [...new Set(refunds.map((r) => r.accountId))];
  const pendingAccounts = [...new Set(refunds.filter((r) => r.status === "pending_review").map((r) => r.accountId))];
  const since = at.getTime() - REVIEW_COUNT_WINDOW_DAYS * DAY_MS;
  const [accounts, history] = await Promise.all([
    Promise.all(accountIds.map((id) => getAccount(id))),
    Promise.all(pendingAccounts.map(async (id) => [id, await listRefunds({ accountId: id, limit: 50 })] as const)),
  ]);
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const recentOf = new Map(
    history.map(([id, rows]) => [id, rows.filter((r) => r.requestedAt.getTime() >= since).map(refundJson)]),
  );

  const items: ReviewItem[] = refunds.map((r) => ({
    ...refundJson(r),
    accountName: names.get(r.accountId) ?? r.accountId,
    recent: r.status === "pending_review" ? (recentOf.get(r.accountId) ?? []).filter((x) => x.id !== r.id) : [],
  }));

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <form
        method="get"
        action="/admin/refunds"
        role="search"
        aria-label={tm("findTitle")}
        className="flex flex-wrap items-end gap-2 rounded-lg border p-3"
      >
        <div className="grid gap-1">
          <Label htmlFor="find-number">{tm("findTitle")}</Label>
          <Input
            id="find-number"
            name="find"
            defaultValue={find}
            placeholder="O-20261201-000009 / R-…"
            className="w-64"
          />
        </div>
        <Button type="submit" variant="secondary">
          <Search className="size-4" />
          {tm("findButton")}
        </Button>
        <p className="basis-full text-xs text-muted-foreground">{tm("findDescription")}</p>
        {find && !found && (
          <p className="basis-full text-sm text-destructive" role="alert">
            {tm("findNotFound", { no: find })}
          </p>
        )}
      </form>
      <ReviewQueue items={items} />
    </div>
  );
}
