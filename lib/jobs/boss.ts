/**
 * The one pg-boss instance of a server process (PostgreSQL job queue, schema `pgboss`). Capabilities
 * register their queues, workers and schedules here (before or after start); `startJobs` applies them.
 * Started from instrumentation.ts in the nodejs runtime, stopped on SIGTERM.
 */
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

export const BOSS_SCHEMA = "pgboss";

export type QueueSpec = { name: string } & Omit<PgBoss.Queue, "name">;
export type WorkerHandler<T> = (jobs: PgBoss.Job<T>[]) => Promise<unknown>;
type Registration =
  | { kind: "queue"; spec: QueueSpec }
  | { kind: "worker"; queue: string; options: PgBoss.WorkOptions; handler: WorkerHandler<unknown> }
  | { kind: "schedule"; queue: string; cron: string; data: object; options: PgBoss.ScheduleOptions };

const g = globalThis as unknown as {
  __imbBoss?: PgBoss;
  __imbBossStarting?: Promise<PgBoss>;
  __imbBossRegs?: Registration[];
};
g.__imbBossRegs ??= [];
const regs = g.__imbBossRegs;

async function apply(boss: PgBoss, r: Registration): Promise<void> {
  if (r.kind === "queue") {
    if (await boss.getQueue(r.spec.name)) await boss.updateQueue(r.spec.name, r.spec);
    else await boss.createQueue(r.spec.name, r.spec);
  } else if (r.kind === "worker") {
    await boss.work(r.queue, r.options, r.handler);
  } else {
    await boss.schedule(r.queue, r.cron, r.data, r.options);
  }
}

async function register(r: Registration): Promise<void> {
  regs.push(r);
  if (g.__imbBoss) await apply(g.__imbBoss, r);
}

/** A queue with its retry / dead-letter policy (created or updated at start). Register dead-letter queues first. */
export const registerQueue = (spec: QueueSpec) => register({ kind: "queue", spec });
/** A worker for a queue (pg-boss v10 hands it an array of jobs). Throwing fails the jobs → retry/dead letter. */
export const registerWorker = <T>(queue: string, handler: WorkerHandler<T>, options: PgBoss.WorkOptions = {}) =>
  register({ kind: "worker", queue, options, handler: handler as WorkerHandler<unknown> });
/** A cron schedule (UTC unless `tz`) that sends a job to `queue`; one per queue name across all processes. */
export const registerSchedule = (
  queue: string,
  cron: string,
  data: object = {},
  options: PgBoss.ScheduleOptions = {},
) => register({ kind: "schedule", queue, cron, data, options });

/** Starts pg-boss once per process and applies every registration in order. */
export async function startJobs(
  connectionString = env.databaseUrl,
  options: Partial<PgBoss.ConstructorOptions> = {},
): Promise<PgBoss> {
  if (g.__imbBoss) return g.__imbBoss;
  g.__imbBossStarting ??= (async () => {
    const boss = new PgBoss({
      connectionString,
      schema: BOSS_SCHEMA,
      max: 4,
      application_name: "imb-jobs",
      ...options,
    });
    boss.on("error", (e) => console.error("[jobs] pg-boss error", e));
    await boss.start();
    g.__imbBoss = boss;
    for (const r of regs) await apply(boss, r);
    return boss;
  })();
  try {
    return await g.__imbBossStarting;
  } finally {
    g.__imbBossStarting = undefined;
  }
}

/** The running instance, or null when this process has not started jobs. */
export function jobs(): PgBoss | null {
  return g.__imbBoss ?? null;
}

export async function stopJobs(): Promise<void> {
  const boss = g.__imbBoss;
  g.__imbBoss = undefined;
  if (boss) await boss.stop({ graceful: true, timeout: 10_000, wait: true });
}

/** Forget registrations (tests that start their own instance). */
export function resetJobRegistrations(): void {
  regs.length = 0;
}
