/**
 * The hot API paths served straight from Node's HTTP server, in front of Next.js (issue 11).
 * Next's own per-request work (routing, header rules, its request/response wrappers) cost more CPU than
 * a whole `select 1`, so the endpoints the IM backend and month-end renewals hammer skip it. They run
 * THE SAME handlers: the exports of their route files under app/api, through the `reply` function each
 * carries (lib/http/reply.ts; apiRoute: key check, permission table, validation, API.md errors), which
 * reads the request through a small ApiRequest over Node's IncomingMessage and answers a plain ApiReply
 * written straight to the socket: no WHATWG Request/Response pair, body stream or abort signal a call.
 * What Next adds around a route handler is added here the same way: the static security headers of
 * next.config.mjs (and HSTS behind an https proxy) and its `vary` header, built once.
 * The request log and the client address come from lib/http/server-hooks.ts, which hooks every Node
 * HTTP server of the process. A method a route does not export, a path with a trailing slash, and
 * every other path fall through to Next (its 405, redirects, pages and all other routes).
 * db/serve.mjs bundles this file with esbuild when the server starts and puts it in front of Next's
 * request handler in every worker process.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as health from "@/app/api/health/route";
import * as entitlementCheck from "@/app/api/v1/apps/[sdkAppId]/entitlements/check/route";
import * as orders from "@/app/api/v1/orders/route";
import * as quotes from "@/app/api/v1/quotes/route";
import * as logins from "@/app/api/v1/usage/logins/route";
import { decodeBody, MAX_BODY_BYTES, payloadTooLarge } from "./body";
import type { ApiReply, ApiRequest, ReplyRoute } from "./reply";
import { API_CSP, COMMON_HEADERS, HSTS } from "./security-headers";

type Params = Record<string, string>;
type Handler = ReplyRoute<Params>;
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

const HEADERS = { http: frameworkHeaders(undefined), https: frameworkHeaders("https") };

/** The handler for this method and path, with its params; null when Next should answer. */
export function findRoute(method: string, path: string): { handler: Handler; params: Params } | null {
  for (const route of FAST_ROUTES) {
    const params = route.match(path);
    if (!params) continue;
    const handler = route.module[method as keyof RouteModule] as Handler | undefined;
    return typeof handler?.reply === "function" ? { handler, params } : null;
  }
  return null;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** Node's request as a handler reads it. Header names are matched lowercase, as Node stores them. */
class NodeApiRequest implements ApiRequest {
  readonly headers: ApiRequest["headers"];
  constructor(private readonly req: IncomingMessage) {
    const all = req.headers;
    this.headers = {
      get: (name) => {
        const v = all[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
      },
    };
  }
  get method() {
    return this.req.method ?? "GET";
  }
  get url() {
    // Only the path and query are read from it; a Host header that is no host name does not make it unparsable.
    const host = this.req.headers.host;
    return `http://${host && HOST.test(host) ? host : "localhost"}${this.req.url ?? "/"}`;
  }
  text(limit = MAX_BODY_BYTES): Promise<string> {
    return readCapped(this.req, limit);
  }
}

/** The body as text, counting bytes as they arrive: past `limit` a 413 (the rest is drained, unread). */
export function readCapped(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(payloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) return void chunks.push(chunk);
      done();
      req.resume();
      reject(payloadTooLarge(limit));
    };
    const onEnd = () => {
      done();
      try {
        resolve(decodeBody(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)));
      } catch (e) {
        reject(e);
      }
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

async function send(res: ServerResponse, r: ApiReply, https: boolean) {
  const head: Record<string, string | string[] | number> = { ...(https ? HEADERS.https : HEADERS.http) };
  let body: string | Buffer | undefined;
  if (r.response) {
    r.response.headers.forEach((value, name) => {
      if (name !== "set-cookie") head[name] = value;
    });
    const cookies = r.response.headers.getSetCookie();
    if (cookies.length) head["set-cookie"] = cookies;
    body = r.response.body ? Buffer.from(await r.response.arrayBuffer()) : undefined;
  } else {
    if (r.json !== undefined) {
      body = JSON.stringify(r.json);
      head["content-type"] = "application/json";
      head["content-length"] = Buffer.byteLength(body);
    }
    if (r.headers) for (const [name, value] of Object.entries(r.headers)) head[name.toLowerCase()] = value;
  }
  // A refused body may still be arriving: answer, then close rather than read the rest.
  if (r.status === 413) head.connection = "close";
  res.writeHead(r.status, head);
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
  // next.config.mjs matches the header value "https" exactly (Next anchors `has` values).
  const https = req.headers["x-forwarded-proto"] === "https";
  void (async () => {
    try {
      await send(res, await found.handler.reply(new NodeApiRequest(req), found.params), https);
    } catch (e) {
      // Like Next for a handler that throws: a bare 500 (apiRoute already turns every error into API.md's shape).
      // Writing the answer is inside the try too: a throw there must not become an unhandled rejection.
      console.error("[fast-api] unexpected error", (e as Error)?.message);
      if (!res.headersSent) res.writeHead(500, https ? HEADERS.https : HEADERS.http);
      res.end();
    }
  })();
  return true;
}
