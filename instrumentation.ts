/**
 * Next.js calls this once per server process: the HTTP hooks (request log, client address; see
 * lib/http/server-hooks.ts) and the production scheduler (lib/services/scheduler.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installServerHooks } = await import("./lib/http/server-hooks");
  installServerHooks();
  if (!process.env.DATABASE_URL) return;
  const { startScheduler } = await import("./lib/services/scheduler");
  startScheduler();
}
