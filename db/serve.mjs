/**
 * Serves the production build with one process per core on one port (issue 11). The launcher
 * (db/launch.ts) runs `node db/serve.mjs <port>`; this primary bundles lib/http/fast-api.ts with esbuild
 * (into .next/fast-api.cjs, well under a second), then forks WEB_CONCURRENCY workers (default: the number
 * of cores, less one when PostgreSQL is on this machine; see workerCount) with node:cluster. Each
 * worker runs Next in-process (`next({ dev: false })`, what `next start`
 * runs) behind its own node:http server: the hot API paths (fast-api.ts: health, quotes, orders, login
 * usage, entitlement checks) are answered by their route files' handlers directly, everything else by
 * Next's request handler. Their `listen(port)` goes through the primary, which hands connections out
 * round-robin. The app is stateless (sessions are signed cookies; the test clock, throttles, idempotency
 * keys and jobs live in PostgreSQL), so the workers need nothing from each other. Every worker runs
 * instrumentation.ts: the request log and pg-boss (which is built for several instances on one schema).
 * SIGTERM/SIGINT go to every worker; the primary exits when the last one has. A worker that dies
 * unexpectedly is replaced (at most 5 times a minute).
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// Node's own Date, kept before a worker loads Next (which wraps the global one): lib/http/native-date.ts.
globalThis.__imbNativeDate ??= Date;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const FAST_BUNDLE = join(root, ".next", "fast-api.cjs");

/**
 * `import "server-only"` (db, lib/services) only means something to Next's bundler, which fails a client
 * bundle on it; in plain Node the package throws. This bundle is server code: the marker becomes empty.
 */
const serverOnlyMarker = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only-marker" }));
    b.onLoad({ filter: /.*/, namespace: "server-only-marker" }, () => ({ contents: "", loader: "js" }));
  },
};

/** Bundles the fast API layer and the route files it serves (node_modules stay external: one copy each). */
export async function bundleFastApi() {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "lib", "http", "fast-api.ts")],
    outfile: FAST_BUNDLE,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "warning",
    plugins: [serverOnlyMarker],
    // The bundle's `Date` is Node's own, not the wrapper Next installs (lib/http/native-date.ts).
    inject: [join(root, "lib", "http", "native-date.ts")],
  });
}

/** Whether DATABASE_URL points at this machine (then PostgreSQL needs a core of its own). */
export function databaseIsLocal(url) {
  try {
    return ["localhost", "127.0.0.1", "[::1]", "::1", ""].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * WEB_CONCURRENCY, else one process per core — less one when PostgreSQL runs on the same machine
 * (the embedded one, or a local DATABASE_URL): an order is as much PostgreSQL's work as Node's, and on
 * 2 cores one Node process beside PostgreSQL served `GET /api/health` 3-4× faster than two
 * (docs/performance.md).
 */
export function workerCount(env = process.env, cores = availableParallelism()) {
  const n = Number(env.WEB_CONCURRENCY);
  if (Number.isInteger(n) && n >= 1) return n;
  return Math.max(1, databaseIsLocal(env.DATABASE_URL) ? cores - 1 : cores);
}

if (cluster.isPrimary) {
  const port = process.argv[2] ?? process.env.PORT ?? "3000";
  const n = workerCount();
  let stopping = false;
  const deaths = [];
  cluster.setupPrimary({ args: [port], silent: false });
  const fork = (i) => cluster.fork({ IMB_WORKER: String(i) });
  await bundleFastApi();
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
  // A worker: Next in this process (what `next start -p <port>` runs), the hot API paths in front of it.
  const port = Number(process.argv[2] ?? process.env.PORT ?? "3000");
  const next = require("next");
  const app = next({ dev: false, dir: root, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { serveFast } = require(FAST_BUNDLE);
  const server = createServer((req, res) => {
    if (!serveFast(req, res)) void handle(req, res);
  });
  // An idle keep-alive connection is closed after 65 s, not Node's 5 s: a client that reuses its connection just
  // as the server closes it gets ECONNRESET (seen in an e2e run: a request sent ~5 s after the connection's last
  // one). 65 s outlasts the usual clients' and load balancers' idle timeouts (60 s), so they close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, () => console.log(`[serve] worker ${process.pid} ready on port ${port}`));
  // Like `next start`: stop taking requests and exit (pg-boss's own SIGTERM handler stops it meanwhile).
  // A signal can come twice (to the process group, and forwarded by the primary): the second one must not
  // kill the worker mid-shutdown (it would lose what exits write, e.g. a --cpu-prof profile).
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}
