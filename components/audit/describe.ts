/** Turns an audit row's before/after JSON into the fields that changed, for people to read. */

export type FieldChange = { key: string; before?: unknown; after?: unknown; kind: "changed" | "set" };

const MONEY_KEYS = new Set([
  "cash",
  "gift",
  "amount",
  "total",
  "paid_cash",
  "paid_gift",
  "paid_voucher",
  "paidCash",
  "paidGift",
  "minTotal",
  "threshold",
  "voucher",
  "refund",
  "net",
]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function flatten(v: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}_${k}` : k, out);
  } else if (prefix) out[prefix] = v;
  else if (v !== null && v !== undefined) out.value = v;
  return out;
}

/** The fields that differ (before → after) and the ones only set (after), in the order they were written. */
export function changes(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: FieldChange[] = [];
  for (const key of keys) {
    const inB = key in b,
      inA = key in a;
    if (inB && inA) {
      if (JSON.stringify(b[key]) !== JSON.stringify(a[key]))
        out.push({ key, before: b[key], after: a[key], kind: "changed" });
    } else if (inA) out.push({ key, after: a[key], kind: "set" });
    else out.push({ key, before: b[key], kind: "changed" });
  }
  return out;
}

export type ValueShape =
  | { kind: "money"; value: string }
  | { kind: "instant"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "none" }
  | { kind: "text"; value: string };

export function shape(key: string, v: unknown): ValueShape {
  if (v === null || v === undefined) return { kind: "none" };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  const leaf = key.split("_").pop() ?? key;
  if (
    (MONEY_KEYS.has(key) || MONEY_KEYS.has(leaf)) &&
    (typeof v === "string" || typeof v === "number") &&
    /^-?\d+(\.\d+)?$/.test(String(v))
  )
    return { kind: "money", value: String(v) };
  if (typeof v === "string" && ISO.test(v)) return { kind: "instant", value: v };
  if (Array.isArray(v))
    return { kind: "text", value: v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ") };
  return { kind: "text", value: typeof v === "object" ? JSON.stringify(v) : String(v) };
}
