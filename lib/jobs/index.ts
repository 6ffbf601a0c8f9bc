/**
 * The delivery queues (R-LIFE-6): a minute schedule claims pending deliveries and enqueues one `deliver`
 * job each; the `deliver` worker sends it (deliverOne) and throws on failure so pg-boss retries with
 * exponential backoff; after the last attempt the job goes to the `deliver-dead` queue.
 */
import { registerQueue, registerSchedule, registerWorker, jobs } from "./boss";
import { claimUnqueued, deliverOne, markDeadLettered } from "./delivery";
import { MAX_ATTEMPTS, RETRY_BASE_SECONDS } from "./retry";

export const DELIVER_QUEUE = "deliver";
export const DEAD_LETTER_QUEUE = "deliver-dead";
export const SWEEP_QUEUE = "deliver-sweep";

type DeliverJob = { deliveryId: string };

/** Enqueues a `deliver` job for each pending delivery without one; returns how many. */
export async function enqueueDeliveries(): Promise<number> {
  const boss = jobs();
  if (!boss) return 0;
  const ids = await claimUnqueued();
  for (const id of ids) await boss.send(DELIVER_QUEUE, { deliveryId: id } satisfies DeliverJob);
  return ids.length;
}

let registered = false;

/** Registers the delivery queues, workers and the minute sweep with the process's pg-boss. */
export async function registerDeliveryJobs(): Promise<void> {
  if (registered) return;
  registered = true;
  await registerQueue({ name: DEAD_LETTER_QUEUE, retentionMinutes: 14 * 24 * 60 });
  await registerQueue({
    name: DELIVER_QUEUE,
    retryLimit: MAX_ATTEMPTS - 1,
    retryDelay: RETRY_BASE_SECONDS,
    retryBackoff: true,
    deadLetter: DEAD_LETTER_QUEUE,
    expireInSeconds: 120,
  });
  await registerQueue({ name: SWEEP_QUEUE, policy: "singleton", retryLimit: 0 });
  await registerWorker<DeliverJob>(
    DELIVER_QUEUE,
    async (batch) => {
      for (const job of batch) {
        const r = await deliverOne(job.data.deliveryId);
        if (r.outcome === "retry" || r.outcome === "failed") throw new Error(r.error ?? "delivery failed");
      }
    },
    { batchSize: 1, pollingIntervalSeconds: 2 },
  );
  await registerWorker<DeliverJob>(DEAD_LETTER_QUEUE, async (batch) => {
    for (const job of batch) await markDeadLettered(job.data.deliveryId, "dead-lettered after the last retry");
  });
  await registerWorker(SWEEP_QUEUE, async () => {
    await enqueueDeliveries();
  });
  await registerSchedule(SWEEP_QUEUE, "* * * * *");
}

/** Called from instrumentation.ts: start pg-boss with the delivery jobs; stop it on SIGTERM/SIGINT. */
export async function startBackgroundJobs(): Promise<void> {
  const { startJobs, stopJobs } = await import("./boss");
  const { registerTickJob } = await import("./tick");
  await registerDeliveryJobs();
  const ticking = await registerTickJob();
  await startJobs();
  console.info(
    `[jobs] pg-boss started (schema pgboss): ${ticking ? "the scheduler tick and " : ""}` +
      "notification delivery every minute, retries with backoff, dead letters",
  );
  const stop = () => {
    void stopJobs().catch((e) => console.error("[jobs] stop failed", e));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
