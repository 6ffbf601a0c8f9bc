/**
 * Next.js calls this once per server process: the HTTP hooks (request log, client address; see
 * lib/http/server-hooks.ts) and the background jobs on pg-boss (lib/jobs: the production minute tick
 * of lib/services/tick.ts and notification delivery; stopped on SIGTERM).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installServerHooks } = await import("./lib/http/server-hooks");
  installServerHooks();
  if (!process.env.DATABASE_URL) return;
  const { startBackgroundJobs } = await import("./lib/jobs");
  await startBackgroundJobs().catch((e) =>
    console.error(
      "[jobs] could not start pg-boss; no scheduler tick, and notifications stay in the outbox until it runs",
      e,
    ),
  );
}
