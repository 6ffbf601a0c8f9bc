/**
 * CSV exports of the customer's money (issue 9): orders, the ledger, refunds and one receipt.
 * RFC 4180 quoting, CRLF, money as two-decimal strings, instants in Shanghai time with offset.
 */
import "server-only";
import { addDays, shanghaiMidnight } from "@/lib/billing/calendar";
import { formatDateTime } from "@/lib/format";
import type { ExportRange } from "@/lib/validation/exports";
import { listLedger } from "./ledger";
import { listOrders } from "./purchase";
import { listRefunds } from "./refund";
import { orderJson, type OrderJson, refundJson } from "@/lib/wire";

const MAX_ROWS = 50_000;

export function csvCell(v: string | number | boolean | null | undefined): string {
  const s = v === null || v === undefined ? "" : String(v);
  // a leading = + - @ would run as a formula in a spreadsheet; money
  // never starts with one except "-" (kept: it is a number)
  const safe = /^[=+@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const shanghai = (iso: string | Date) => `${formatDateTime(iso)}+08:00`;

export function rangeOf(r: ExportRange): { from?: Date; to?: Date } {
  return {
    ...(r.from ? { from: shanghaiMidnight(r.from) } : {}),
    ...(r.to ? { to: shanghaiMidnight(addDays(r.to, 1)) } : {}),
  };
}

export function rangeLabel(r: ExportRange): string {
  return `${r.from ?? "start"}_${r.to ?? "now"}`;
}

function orderRows(o: OrderJson) {
  return o.lines.map((l, i) => [
    o.orderNo,
    shanghai(o.createdAt),
    o.type,
    o.status,
    o.autoRenewal,
    i + 1,
    l.sdkAppId,
    l.appName,
    l.product,
    l.edition ?? l.tier ?? "",
    l.months,
    shanghai(l.periodStart),
    shanghai(l.periodEnd),
    l.listAmount,
    l.discountAmount,
    l.amount,
    o.total,
    o.paid.cash,
    o.paid.gift,
    o.paid.voucher,
    o.refund?.refundNo ?? "",
    o.refund?.total ?? "",
    "net" in o ? o.net : "",
  ]);
}
const ORDER_HEADER = [
  "order_no",
  "created_at",
  "type",
  "status",
  "auto_renewal",
  "line",
  "sdk_app_id",
  "app_name",
  "product",
  "edition_or_tier",
  "months",
  "period_start",
  "period_end",
  "list_amount",
  "discount_amount",
  "amount",
  "order_total",
  "paid_cash",
  "paid_gift",
  "paid_voucher",
  "refund_no",
  "refund_total",
  "net",
];

/** One row per order line (order columns repeated), newest order first. */
export async function ordersCsv(accountId: string, r: ExportRange): Promise<string> {
  const orders = (await listOrders(accountId, { ...rangeOf(r), q: r.q, type: r.type, limit: MAX_ROWS })).map(orderJson);
  return toCsv(ORDER_HEADER, orders.flatMap(orderRows));
}

/** One receipt: its lines, then (a plan change) the refund lines, then the totals. */
export function receiptCsv(o: OrderJson): string {
  const rows = orderRows(o);
  const refundRows = (o.refund?.lines ?? []).map((l) => [
    "refund",
    o.refund!.refundNo,
    l.product,
    l.paid,
    l.used,
    l.amount,
    l.cash,
    l.gift,
  ]);
  let csv = toCsv(ORDER_HEADER, rows);
  if (refundRows.length)
    csv += `\r\n${toCsv(["part", "refund_no", "product", "paid", "used", "amount", "cash", "gift"], refundRows)}`;
  return csv;
}

export async function ledgerCsv(accountId: string, r: ExportRange): Promise<string> {
  const rows = await listLedger(accountId, { ...rangeOf(r), limit: MAX_ROWS });
  return toCsv(
    [
      "at",
      "kind",
      "cash_delta",
      "gift_delta",
      "cash_after",
      "gift_after",
      "available_after",
      "reference",
      "auto_renewal",
      "note",
    ],
    rows.map((l) => [
      shanghai(l.at),
      l.kind,
      l.cashDelta,
      l.giftDelta,
      l.cashAfter,
      l.giftAfter,
      l.availableAfter,
      l.refNo ?? "",
      l.autoRenewal,
      l.note ?? "",
    ]),
  );
}

export async function refundsCsv(accountId: string, r: ExportRange): Promise<string> {
  const refunds = (await listRefunds({ accountId, ...rangeOf(r), q: r.q, status: r.status, limit: MAX_ROWS })).map(
    refundJson,
  );
  return toCsv(
    [
      "refund_no",
      "requested_at",
      "sdk_app_id",
      "product",
      "mode",
      "status",
      "total",
      "cash",
      "gift",
      "change_order_no",
      "line_order_no",
      "line_product",
      "line_paid",
      "line_used",
      "line_amount",
      "line_cash",
      "line_gift",
    ],
    refunds.flatMap((x) =>
      x.lines.map((l) => [
        x.refundNo,
        shanghai(x.requestedAt),
        x.sdkAppId,
        x.product,
        x.mode,
        x.status,
        x.total,
        x.cash,
        x.gift,
        x.changeOrderNo ?? "",
        l.orderNo,
        l.product,
        l.paid,
        l.used,
        l.amount,
        l.cash,
        l.gift,
      ]),
    ),
  );
}
