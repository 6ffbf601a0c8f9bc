/** Reading bills: API.md's `bill` shape, the CSV of its lines, and what the console pages need. */
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, apps, billLines, bills } from "@/db/schema";
import { arrearsBanner } from "@/lib/billing/arrears";
import { money } from "@/lib/money";
import { notFound } from "@/lib/errors";
import { billJson, type BillJson } from "@/lib/wire/bills";

type LineRow = typeof billLines.$inferSelect & { appName: string };

async function linesOf(billIds: string[]): Promise<LineRow[]> {
  if (billIds.length === 0) return [];
  const rows = await db()
    .select({ line: billLines, appName: apps.name })
    .from(billLines)
    .innerJoin(apps, eq(apps.id, billLines.appId))
    .where(inArray(billLines.billId, billIds))
    .orderBy(asc(billLines.billId), asc(billLines.lineNo));
  return rows.map((r) => ({ ...r.line, appName: r.appName }));
}

/** GET /bills: the account's bills, newest month first; `month` narrows to one. */
export async function listBills(accountId: string, month?: string): Promise<BillJson[]> {
  const conds = [eq(bills.accountId, accountId)];
  if (month) conds.push(eq(bills.month, month));
  const rows = await db()
    .select()
    .from(bills)
    .where(and(...conds))
    .orderBy(desc(bills.month), desc(bills.billNo));
  const lines = await linesOf(rows.map((b) => b.id));
  return rows.map((b) =>
    billJson(
      b,
      lines.filter((l) => l.billId === b.id),
    ),
  );
}

/** One bill of the account; another account's bill is "not found" (no probing). */
export async function getBill(accountId: string, id: string): Promise<BillJson> {
  const [b] = await db()
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.id, id)));
  if (!b) throw notFound("Bill");
  return billJson(b, await linesOf([b.id]));
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** R-LIFE-3: one CSV row per line with a header; money as two-decimal strings; RFC 4180 quoting. */
export function billCsv(b: BillJson): string {
  const header = ["bill_month", "sdk_app_id", "app_name", "item", "quantity", "unit_price", "amount", "detail"];
  const rows = b.lines.map((l) => [
    b.month,
    l.sdkAppId,
    l.appName,
    l.item,
    l.quantity,
    l.unitPrice,
    l.amount,
    JSON.stringify(l.detail),
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Lines of past bills for one app (the app page links to them). */
export async function appBillLines(accountId: string, appId: string) {
  return db()
    .select({ billId: bills.id, month: bills.month, item: billLines.item, amount: billLines.amount })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .where(and(eq(bills.accountId, accountId), eq(billLines.appId, appId)))
    .orderBy(desc(bills.month), asc(billLines.lineNo));
}

/** What the red arrears banner says at `at` (lib/billing/arrears.ts arrearsBanner), or null. */
export async function arrearsState(accountId: string, at: Date) {
  const [a] = await db()
    .select({ cash: accounts.cash, gift: accounts.gift })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!a) return null;
  const available = money(a.cash).plus(a.gift);
  if (!available.lt(0)) return null;
  const [last] = await db()
    .select({ pushedAt: bills.pushedAt })
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.status, "deducted")))
    .orderBy(sql`${bills.deductedAt} desc`)
    .limit(1);
  const [susp] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.status, "suspended"), eq(apps.statusReason, "arrears")));
  return arrearsBanner(available, last?.pushedAt ?? null, at, susp?.n ?? 0);
}
