import "server-only";
import { db } from "@/db/client";
import type { OperatorActor } from "@/lib/auth/actor";
import { clockMode, now, setTestClock } from "@/lib/clock";
import { writeAudit } from "./audit";
import { runDue } from "./scheduler";

export async function readClock() {
  return { now: (await now()).toISOString(), mode: clockMode() };
}

/**
 * R-TIME-3: moves the test clock forward to `to` and runs everything due in (from, to] in time order
 * before answering, so the result equals a server that ran all along. The clock row stays locked
 * until every due event has run (each account in its own transaction), so moves serialise.
 */
export async function advanceClock(actor: OperatorActor, input: { advanceSeconds: number } | { to: string }) {
  return db().transaction(async (tx) => {
    const { from, to } = await setTestClock(tx, (current) =>
      "to" in input ? new Date(input.to) : new Date(current.getTime() + input.advanceSeconds * 1000),
    );
    const ran = await runDue(from, to);
    await writeAudit(tx, {
      actor,
      at: to,
      action: "clock.advance",
      entityType: "clock",
      entityId: "test",
      before: { now: from.toISOString() },
      after: { now: to.toISOString(), ran },
    });
    return { now: to.toISOString() };
  });
}
