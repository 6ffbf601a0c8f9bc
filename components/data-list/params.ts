import { unstorableReason } from "@/lib/validation/text";

/** A page's search params as Next.js hands them over. */
export type RawParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZES = [25, 50, 100] as const;

function one(sp: RawParams, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" ? v : undefined;
}

/** `?page=` (1-based) and `?size=` (one of PAGE_SIZES): anything else falls back, never fails the page. */
export function pageParams(sp: RawParams, defaultSize: number = PAGE_SIZES[0]) {
  const size = PAGE_SIZES.find((s) => String(s) === one(sp, "size")) ?? defaultSize;
  const raw = one(sp, "page");
  const page = raw && /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
  return { page, size, offset: (page - 1) * size };
}

/** Free text to search for; text no column can hold (NUL, lone surrogate) is ignored. */
export function textParam(sp: RawParams, key = "q", max = 100): string | undefined {
  const raw = one(sp, key);
  if (raw === undefined || unstorableReason(raw) !== null) return undefined;
  return raw.trim().slice(0, max) || undefined;
}

/** A value from a closed list, or undefined. */
export function enumParam<T extends string>(sp: RawParams, key: string, allowed: readonly T[]): T | undefined {
  const raw = one(sp, key);
  return allowed.find((a) => a === raw);
}

/** A calendar day `YYYY-MM-DD` that exists, or undefined. */
export function dayParam(sp: RawParams, key: string): string | undefined {
  const raw = one(sp, key);
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === raw ? raw : undefined;
}

/** A uuid, or undefined. */
export function uuidParam(sp: RawParams, key: string): string | undefined {
  const raw = one(sp, key);
  return raw && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)
    ? raw.toLowerCase()
    : undefined;
}

/** Just the string-valued params, for building links that keep the current filters. */
export function plainParams(sp: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * The link to the same list with some params changed (`null` or "" removes one). Any change other
 * than `page` itself sends the reader back to page 1, so a narrower filter never lands on an empty page.
 */
export function hrefWith(
  path: string,
  current: Record<string, string>,
  changes: Record<string, string | null | undefined>,
): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") next.delete(k);
    else next.set(k, v);
  }
  if (!("page" in changes)) next.delete("page");
  if (next.get("page") === "1") next.delete("page");
  const s = next.toString();
  return s ? `${path}?${s}` : path;
}
