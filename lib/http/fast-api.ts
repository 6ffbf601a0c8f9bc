/**
 * The hot API paths served straight from Node's HTTP server, in front of Next.js (issue 11).
 * Next's own per-request work (routing, header rules, its request/response wrappers) cost more CPU than
 * a whole `select 1`, so the endpoints the IM backend and month-end renewals hammer skip it. They run
 * THE SAME handlers: the exports of their route files under app/api, which are plain
 * `(Request, { params }) => Promise<Response>` functions (apiRoute: key check, permission table,
 * validation, API.md errors). What Next adds around a route handler is added here the same way: the
 * static security headers of next.config.mjs (and HSTS behind an https proxy) and its `vary` header.
 * The request log and the client address come from lib/http/server-hooks.ts, which hooks every Node
 * HTTP server of the process. A method a route does not export, a path with a trailing slash, and
 * every other path fall through to Next (its 405, redirects, pages and all other routes).
 * db/serve.mjs bundles this file with esbuild when the server starts and puts it in front of Next's
 * request handler in every worker process.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import * as health from "@/app/api/health/route";
import * as entitlementCheck from "@/app/api/v1/apps/[sdkAppId]/entitlements/check/route";
import * as orders from "@/app/api/v1/orders/route";
import * as quotes from "@/app/api/v1/quotes/route";
import * as logins from "@/app/api/v1/usage/logins/route";
import { API_CSP, COMMON_HEADERS, HSTS } from "./security-headers";

type Params = Record<string, string>;
type Handler = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", unknown>>;
type Route = { match: (path: string) => Params | null; module: RouteModule };

const exact =
  (p: string) =>
  (path: string): Params | null =>
    path === p ? {} : null;

/** `/api/v1/apps/[sdkAppId]/…`: one path segment, decoded like Next decodes a dynamic segment. */
const appPath = (suffix: string) => {
  const re = new RegExp(`^/api/v1/apps/([^/]+)${suffix.replaceAll("/", "\\/")}$`);
  return (path: string): Params | null => {
    const m = re.exec(path);
    if (!m) return null;
    try {
      return { sdkAppId: decodeURIComponent(m[1]!) };
    } catch {
      return null;
    }
  };
};

export const FAST_ROUTES: Route[] = [
  { match: exact("/api/health"), module: health },
  { match: exact("/api/v1/quotes"), module: quotes },
  { match: exact("/api/v1/orders"), module: orders },
  { match: exact("/api/v1/usage/logins"), module: logins },
  { match: appPath("/entitlements/check"), module: entitlementCheck },
];

/** What Next.js puts on every route handler's answer (next.config.mjs headers(), then its vary). */
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

export function frameworkHeaders(forwardedProto: string | string[] | undefined): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    "Content-Security-Policy": API_CSP,
    // next.config.mjs matches the header value "https" exactly (Next anchors `has` values).
    ...(forwardedProto === "https" ? { "Strict-Transport-Security": HSTS } : {}),
    vary: NEXT_VARY,
  };
}

/** The handler for this method and path, with its params; null when Next should answer. */
export function findRoute(method: string, path: string): { handler: Handler; params: Params } | null {
  for (const route of FAST_ROUTES) {
    const params = route.match(path);
    if (!params) continue;
    const handler = route.module[method as keyof RouteModule];
    return typeof handler === "function" ? { handler: handler as Handler, params } : null;
  }
  return null;
}

function toRequest(req: IncomingMessage): Request {
  // req.headers, not rawHeaders: lib/http/server-hooks.ts has already set (or removed) the client
  // address header there, as Next's handler sees it.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const withBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method,
    headers,
    body: withBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body (not yet in the DOM types)
    duplex: withBody ? "half" : undefined,
  });
}

async function send(res: ServerResponse, response: Response, forwardedProto: string | string[] | undefined) {
  const head: Record<string, string | string[]> = frameworkHeaders(forwardedProto);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") head[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) head["set-cookie"] = cookies;
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.writeHead(response.status, head);
  res.end(body);
}

/**
 * Answers the request when it is one of FAST_ROUTES' methods and paths (returns true), else leaves it
 * untouched for Next (returns false).
 */
export function serveFast(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const found = findRoute(req.method ?? "GET", q === -1 ? url : url.slice(0, q));
  if (!found) return false;
  const proto = req.headers["x-forwarded-proto"];
  void (async () => {
    try {
      const response = await found.handler(toRequest(req), { params: Promise.resolve(found.params) });
      await send(res, response, proto);
    } catch (e) {
      // Like Next for a handler that throws: a bare 500 (apiRoute already turns every error into API.md's shape).
      console.error("[fast-api] unexpected error", (e as Error)?.message);
      if (!res.headersSent) res.writeHead(500, frameworkHeaders(proto));
      res.end();
    }
  })();
  return true;
}
