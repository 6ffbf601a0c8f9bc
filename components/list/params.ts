/**
 * Server-side list state in the URL (issue 9): page, a search term and a Shanghai date range, read
 * from searchParams so a list is shareable and the back button works. Shared by orders, ledger and
 * refunds; pure (no React), so route handlers (CSV) read the same range the page shows.
 */
import { addDays, shanghaiMidnight } from "@/lib/billing/calendar";
import { numberSearchTerm } from "@/lib/billing/numbers";
import { isCalendarDay } from "@/lib/validation/text";

export type SearchParams = Record<string, string | string[] | undefined>;
export type ListParams = {
  page: number;
  pageSize: number;
  offset: number;
  q: string | null;
  from: string | null;
  to: string | null;
  range: { from?: Date; to?: Date };
  invalid: string[];
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function day(v: string | undefined): string | null | "invalid" {
  if (!v) return null;
  return isCalendarDay(v) ? v : "invalid";
}

/** `from`/`to` are Shanghai days, both included: [00:00 of from, 00:00 of the day after to). */
export function dateRange(
  fromRaw: string | undefined,
  toRaw: string | undefined,
): { from: string | null; to: string | null; range: { from?: Date; to?: Date }; invalid: string[] } {
  const f = day(fromRaw);
  const t = day(toRaw);
  const invalid: string[] = [];
  if (f === "invalid") invalid.push("from");
  if (t === "invalid") invalid.push("to");
  const from = f === "invalid" ? null : f;
  const to = t === "invalid" ? null : t;
  if (from && to && from > to) invalid.push("to");
  const range = invalid.length
    ? {}
    : { ...(from ? { from: shanghaiMidnight(from) } : {}), ...(to ? { to: shanghaiMidnight(addDays(to, 1)) } : {}) };
  return { from, to, range, invalid };
}

export function parseListParams(sp: SearchParams, opts: { pageSize?: number } = {}): ListParams {
  const pageSize = opts.pageSize ?? 20;
  const pageRaw = Number(one(sp.page) ?? "1");
  const page = Number.isSafeInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100000 ? pageRaw : 1;
  const qRaw = one(sp.q);
  const q = qRaw ? numberSearchTerm(qRaw) : null;
  const d = dateRange(one(sp.from), one(sp.to));
  return {
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    q,
    from: d.from,
    to: d.to,
    range: d.range,
    invalid: [...(qRaw && !q ? ["q"] : []), ...d.invalid],
  };
}

/** The same list with some parameters changed (undefined/null drops one); page 1 is left out. */
export function listHref(
  path: string,
  sp: SearchParams,
  patch: Record<string, string | number | null | undefined>,
): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    const s = one(v);
    if (s) u.set(k, s);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === "") u.delete(k);
    else u.set(k, String(v));
  }
  if (u.get("page") === "1") u.delete("page");
  const s = u.toString();
  return s ? `${path}?${s}` : path;
}
