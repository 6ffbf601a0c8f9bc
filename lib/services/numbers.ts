/** Draws the next order / refund sequence value and formats its human number (lib/billing/numbers.ts). */
import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { formatDocNumber, type NumberKind } from "@/lib/billing/numbers";

const SEQUENCE: Record<NumberKind, ReturnType<typeof sql>> = {
  order: sql`pg_get_serial_sequence('orders', 'order_no')`,
  refund: sql`pg_get_serial_sequence('refunds', 'refund_no')`,
};

/** A fresh sequence value (never reused, even if the transaction rolls back) and its number for `at`. */
export async function nextDocNumber(
  conn: DbOrTx,
  kind: NumberKind,
  at: Date,
): Promise<{ seq: number; number: string }> {
  const rows = (await conn.execute(sql`select nextval(${SEQUENCE[kind]})::text as n`)) as unknown as { n: string }[];
  const seq = Number(rows[0]!.n);
  return { seq, number: formatDocNumber(kind, at, seq) };
}
