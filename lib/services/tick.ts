import type { Tx } from "@/db/client";
import { runLifecycle } from "./lifecycle";

/**
 * A scheduled rule: given a window (from, to], it does everything due in it, in time order, and
 * says how many things it did. Each must be idempotent (R-LIFE-7). The lifecycle capabilities
 * (expiry, renewal, bills, arrears, reclamation) register here as they are built.
 */
export type Scheduler = { name: string; run: (tx: Tx, from: Date, to: Date) => Promise<number> };

const schedulers: Scheduler[] = [
  // §7: expiry, auto-renew and its retries, grace → suspended, disabling → suspended, reclamation
  { name: "lifecycle", run: (tx, _from, to) => runLifecycle(tx, to) },
];

export async function runDue(tx: Tx, from: Date, to: Date): Promise<Record<string, number>> {
  const ran: Record<string, number> = {};
  for (const s of schedulers) ran[s.name] = await s.run(tx, from, to);
  return ran;
}
