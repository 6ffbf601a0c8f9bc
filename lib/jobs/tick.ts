/**
 * The production minute tick on pg-boss: a cron schedule sends one `tick` job a minute to a queue
 * that holds at most one waiting and one running job; the worker runs one scheduler pass (lib/services/
 * scheduler.ts), which catches up on everything due since the last pass, each account in its own
 * transaction. In test mode the test clock runs the same rules, so no tick is scheduled.
 */
import { clockMode } from "@/lib/clock";
import { log } from "@/lib/log";
import { runScheduledOnce } from "@/lib/services/tick";
import { registerQueue, registerSchedule, registerWorker } from "./boss";

export const TICK_QUEUE = "tick";
/** Issue 11: once a day, the usage tables' monthly partitions are made ahead (db/partitions.ts). */
export const PARTITIONS_QUEUE = "usage-partitions";

export async function registerTickJob(): Promise<boolean> {
  if (clockMode() !== "wall") return false;
  await registerQueue({ name: TICK_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 3600 });
  await registerWorker(TICK_QUEUE, async () => {
    const ran = await runScheduledOnce();
    if (ran && Object.values(ran).some((n) => n > 0)) log().info({ where: "tick", ran }, "scheduler pass");
  });
  await registerSchedule(TICK_QUEUE, "* * * * *");
  await registerQueue({ name: PARTITIONS_QUEUE, policy: "singleton", retryLimit: 3 });
  await registerWorker(PARTITIONS_QUEUE, async () => {
    const { ensureUsagePartitions } = await import("@/db/partitions");
    const { db } = await import("@/db/client");
    const made = await ensureUsagePartitions(db(), new Date());
    if (made > 0) log().info({ where: "partitions", made }, "usage partitions made ahead");
  });
  await registerSchedule(PARTITIONS_QUEUE, "17 3 * * *");
  return true;
}
