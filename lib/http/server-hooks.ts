/**
 * Hooks on Node's HTTP server, installed once from instrumentation.ts (`next start` and `next dev`):
 * - the client address is recorded from the socket in CLIENT_ADDRESS_HEADER, overwriting any such
 *   header a client sent (login throttling counts per address);
 * - one JSON log line per request when its response has finished: method, path (no query string,
 *   which may hold search text), status, duration. Static assets are left out.
 */
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { requestLog } from "@/lib/log";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "./client-address";

const globalForHooks = globalThis as unknown as { __imbServerHooks?: boolean };

export function onRequest(
  req: IncomingMessage,
  res: ServerResponse,
  trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0),
): void {
  const forwarded = req.headers["x-forwarded-for"];
  const address = resolveClientAddress(
    req.socket?.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedHops,
  );
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
  const path = (req.url ?? "/").split("?")[0]!;
  if (path.startsWith("/_next/static/") || path === "/favicon.ico") return;
  const started = performance.now();
  res.once("finish", () => {
    requestLog().info({
      msg: "request",
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  });
}

export function installServerHooks(): void {
  if (globalForHooks.__imbServerHooks) return;
  globalForHooks.__imbServerHooks = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") onRequest(args[0] as IncomingMessage, args[1] as ServerResponse);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
