/**
 * Serves the production build with one process per core on one port (issue 11). The launcher
 * (db/launch.ts) runs `node db/serve.mjs <port>`; this primary forks WEB_CONCURRENCY workers (default:
 * the number of cores) with node:cluster, and each worker runs `next start` in-process. Their
 * `listen(port)` goes through the primary, which hands connections out round-robin. The app is
 * stateless (sessions are signed cookies; the test clock, throttles, idempotency keys and jobs live in
 * PostgreSQL), so the workers need nothing from each other. Every worker runs instrumentation.ts: the
 * request log and pg-boss (which is built for several instances on one schema).
 * SIGTERM/SIGINT go to every worker; the primary exits when the last one has. A worker that dies
 * unexpectedly is replaced (at most 5 times a minute).
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function workerCount(env = process.env) {
  const n = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(n) && n >= 1 ? n : availableParallelism();
}

if (cluster.isPrimary) {
  const port = process.argv[2] ?? process.env.PORT ?? "3000";
  const n = workerCount();
  let stopping = false;
  const deaths = [];
  cluster.setupPrimary({ args: [port], silent: false });
  const fork = (i) => cluster.fork({ IMB_WORKER: String(i) });
  for (let i = 1; i <= n; i++) fork(i);
  console.log(
    `[serve] ${n} worker process${n === 1 ? "" : "es"} on port ${port} ` +
      `(WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? `default ${n}`})`,
  );
  const stop = (sig) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      const t = Date.now();
      deaths.push(t);
      while (deaths.length && deaths[0] < t - 60_000) deaths.shift();
      if (deaths.length <= 5) {
        console.error(`[serve] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
        fork(worker.id);
        return;
      }
      console.error("[serve] workers keep exiting; stopping");
      stopping = true;
      process.exitCode = 1;
      stop("SIGTERM");
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
  });
} else {
  // A worker: `next start -p <port>` in this process (Next's CLI reads process.argv).
  const port = process.argv[2] ?? process.env.PORT ?? "3000";
  process.argv = [process.argv[0], require.resolve("next/dist/bin/next"), "start", "-p", port];
  require("next/dist/bin/next");
}
