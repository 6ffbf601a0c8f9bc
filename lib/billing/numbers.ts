/**
 * Human numbers of orders and refunds (issue 9): `O-YYYYMMDD-NNNNNN` / `R-YYYYMMDD-NNNNNN`.
 * The day is the Shanghai day of creation; the sequence part is the row's global sequence value
 * (orders.order_no, refunds.refund_no), zero-padded to at least 6 digits. It never resets, so the
 * sequence alone is unique and the number sorts with creation. Pure: the instant comes in.
 */
import { shanghaiDay } from "./calendar";

export type NumberKind = "order" | "refund";
const PREFIX: Record<NumberKind, string> = { order: "O", refund: "R" };

export function formatDocNumber(kind: NumberKind, createdAt: Date, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`sequence must be a positive integer, got ${seq}`);
  return `${PREFIX[kind]}-${shanghaiDay(createdAt).replaceAll("-", "")}-${String(seq).padStart(6, "0")}`;
}

const NUMBER = /^([OR])-(\d{8})-(\d{6,})$/;

/** Parses a full number ("O-20261201-000009") into its kind and sequence; null when it is not one. */
export function parseDocNumber(s: string): { kind: NumberKind; day: string; seq: number } | null {
  const m = NUMBER.exec(s.trim().toUpperCase());
  if (!m) return null;
  const seq = Number(m[3]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return {
    kind: m[1] === "O" ? "order" : "refund",
    day: `${m[2]!.slice(0, 4)}-${m[2]!.slice(4, 6)}-${m[2]!.slice(6)}`,
    seq,
  };
}

/** What a search box may hold: a full or partial number, upper-cased, only [OR0-9-]; null for anything else. */
export function numberSearchTerm(s: string): string | null {
  const t = s.trim().toUpperCase();
  if (t.length === 0 || t.length > 30 || !/^[OR0-9-]+$/.test(t)) return null;
  return t;
}

/** The stored number, or (for a row written before numbers existed and not yet backfilled) the same formula. */
export function orderNumberOf(o: { number: string | null; createdAt: Date; orderNo: number }): string {
  return o.number ?? formatDocNumber("order", o.createdAt, o.orderNo);
}
export function refundNumberOf(r: { number: string | null; requestedAt: Date; refundNo: number }): string {
  return r.number ?? formatDocNumber("refund", r.requestedAt, r.refundNo);
}
