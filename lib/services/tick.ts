/**
 * In production the wall clock moves by itself: every minute (the pg-boss `tick` job, lib/jobs/tick.ts)
 * one pass runs what fell due since the last pass (lib/services/scheduler.ts),
 * remembered in `scheduler_state`, so a server that was down for a
 * week catches up in time order (R-LIFE-7). The row lock elects one process per pass. In test mode
 * time only moves when an operator moves the test clock, which runs the same rules itself (R-TIME-3).
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { schedulerState } from "@/db/schema";
import { now } from "@/lib/clock";
import { runDue } from "./scheduler";

export type PassOptions = {
  /** the pass's instant; the clock's now by default */
  at?: Date;
  /** which scheduler's progress row; "main" in production, tests use their own */
  stateKey?: string;
  /** narrows the pass to some accounts (tests) */
  accountIds?: string[];
};

/**
 * One scheduler pass over (last pass, at]; null when another process holds the pass. A first pass
 * only records where it starts.
 */
export async function runScheduledOnce(opts: PassOptions = {}): Promise<Record<string, number> | null> {
  const key = opts.stateKey ?? "main";
  return db().transaction(async (tx) => {
    const at = opts.at ?? (await now(tx));
    await tx.insert(schedulerState).values({ id: key, processedUntil: at }).onConflictDoNothing();
    const rows = await tx.execute<{ processed_until: string }>(
      sql`select processed_until from scheduler_state where id = ${key} for update skip locked`,
    );
    if (!rows[0]) return null;
    const from = new Date(rows[0].processed_until);
    if (from >= at) return {};
    const ran = await runDue(from, at, { accountIds: opts.accountIds });
    await tx.update(schedulerState).set({ processedUntil: at }).where(eq(schedulerState.id, key));
    return ran;
  });
}
