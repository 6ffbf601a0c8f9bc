/** Next.js calls this once per server process: start the production scheduler (lib/services/scheduler.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  const { startScheduler } = await import("./lib/services/scheduler");
  startScheduler();
}
