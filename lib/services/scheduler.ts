/**
 * In production the wall clock moves by itself: every minute one server process (a PostgreSQL
 * advisory lock elects it) runs what fell due (lib/services/tick.ts). In test mode time only moves
 * when an operator moves the test clock, which runs the same schedulers itself (R-TIME-3).
 */
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { clockMode, now } from "@/lib/clock";
import { log } from "@/lib/log";
import { runDue } from "./tick";

/** Any constant shared by every process of the installation. */
export const SCHEDULER_LOCK_KEY = 7_305_001;

/** One scheduler pass; null when another process holds the pass. */
export async function runScheduledOnce(): Promise<Record<string, number> | null> {
  return db().transaction(async (tx) => {
    const rows = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK_KEY}) as locked`);
    if (!rows[0]?.locked) return null;
    const at = await now(tx);
    return runDue(tx, at, at);
  });
}

/** Starts the minute-by-minute pass in production mode; returns a stop function. */
export function startScheduler(intervalMs = 60_000): () => void {
  if (clockMode() !== "wall") return () => {};
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await runScheduledOnce();
    } catch (e) {
      log().error({ err: e, where: "scheduler" }, "pass failed, retrying next minute");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  log().info({ where: "scheduler", intervalSeconds: Math.round(intervalMs / 1000) }, "production mode: running due lifecycle events");
  void pass();
  return () => clearInterval(timer);
}
