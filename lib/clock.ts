import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { clockState } from "@/db/schema";
import { env } from "@/lib/env";
import { DomainError, forbidden } from "@/lib/errors";

/**
 * The one clock (R-TIME-3). Production: the wall clock. Test mode: one persistent instant per
 * installation, shared by every server process, that only moves forward when an operator moves it.
 * Rules and services get `now` from here (or as a parameter), never from Date.now().
 */
export type ClockMode = "wall" | "test";

export function clockMode(): ClockMode {
  return env.appMode === "production" ? "wall" : "test";
}

function wallNow(): Date {
  return new Date();
}

function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

async function readTestNow(conn: DbOrTx, lock: boolean): Promise<Date> {
  const q = conn.select().from(clockState).where(eq(clockState.id, 1));
  const rows = lock ? await q.for("update") : await q;
  if (rows[0]) return rows[0].testNow;
  await conn
    .insert(clockState)
    .values({ id: 1, testNow: wholeSecond(wallNow()) })
    .onConflictDoNothing();
  const again = lock
    ? await conn.select().from(clockState).where(eq(clockState.id, 1)).for("update")
    : await conn.select().from(clockState).where(eq(clockState.id, 1));
  return again[0]!.testNow;
}

/** The current instant. Pass the transaction when the caller holds one, so the read is inside it. */
export async function now(conn: DbOrTx = db()): Promise<Date> {
  if (clockMode() === "wall") return wallNow();
  return readTestNow(conn, false);
}

/**
 * Moves the test clock forward to `target(current)` (never back), where `current` is read after the
 * clock row is locked, so concurrent moves each count. Returns the old and new instants; due events
 * run in `runDue` (lib/services/scheduler.ts) while the caller still holds the row.
 */
export async function setTestClock(conn: DbOrTx, target: (current: Date) => Date): Promise<{ from: Date; to: Date }> {
  if (clockMode() !== "test") throw forbidden("The test clock is disabled in production mode.");
  const from = await readTestNow(conn, true);
  const to = wholeSecond(target(from));
  if (Number.isNaN(to.getTime()) || to.getTime() < from.getTime()) {
    throw new DomainError("validation_failed", "The test clock only moves forward.", {
      fields: { to: "must not be before the current test time" },
    });
  }
  await conn.update(clockState).set({ testNow: to }).where(eq(clockState.id, 1));
  return { from, to };
}
