import { db } from "@/db/client";
import type { OperatorActor } from "@/lib/auth/actor";
import { clockMode, now, setTestClock } from "@/lib/clock";
import { writeAudit } from "./audit";
import { runDue } from "./tick";

export async function readClock() {
  return { now: (await now()).toISOString(), mode: clockMode() };
}

/**
 * R-TIME-3: moves the test clock forward to `to` and, in the same transaction, runs everything due
 * in (from, to] in time order, so the result equals a server that ran all along.
 */
export async function advanceClock(actor: OperatorActor, input: { advanceSeconds: number } | { to: string }) {
  return db().transaction(async (tx) => {
    const { from, to } = await setTestClock(tx, "to" in input ? new Date(input.to) : { advanceSeconds: input.advanceSeconds });
    const ran = await runDue(tx, from, to);
    await writeAudit(tx, { actor, at: to, action: "clock.advance", entityType: "clock", entityId: "test", before: { now: from.toISOString() }, after: { now: to.toISOString(), ran } });
    return { now: to.toISOString() };
  });
}
