/**
 * What an API handler reads and answers, apart from how the request arrived (issue 11). Next.js hands a
 * route a WHATWG `Request` and wants a `Response`; the fast API layer (lib/http/fast-api.ts) has Node's
 * IncomingMessage and ServerResponse, and building a Request/Response pair (headers, URL, body stream,
 * abort signal) for each call cost more CPU than the `select 1` of a health check. So a handler reads an
 * `ApiRequest` (a Request is one) and answers an `ApiReply`; `toResponse` makes the Response for Next and
 * the fast layer writes the same reply to the socket. Both paths answer the same bytes.
 */
import { MAX_BODY_BYTES, readBodyCapped } from "./body";

/** The parts of a request a handler reads. */
export interface ApiRequest {
  readonly method: string;
  /** Absolute URL (the query string is read from it). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The body as UTF-8 text: more than `limit` bytes is a 413 `payload_too_large`, invalid UTF-8 a 400. */
  text(limit?: number): Promise<string>;
}

/** An answer: JSON (or nothing) with a status and extra headers; or a ready Response (CSV, documents). */
export type ApiReply =
  | { status: number; json?: unknown; headers?: Record<string, string>; response?: undefined }
  | { status: number; response: Response };

export const reply = (json: unknown, opts: { status?: number; headers?: Record<string, string> } = {}): ApiReply => ({
  status: opts.status ?? 200,
  json,
  headers: opts.headers,
});

/** A fetch Request as an ApiRequest (the body is read once, with the size cap, as it streams in). */
export function fromFetchRequest(req: Request): ApiRequest {
  return {
    method: req.method,
    url: req.url,
    headers: req.headers,
    text: (limit = MAX_BODY_BYTES) => readBodyCapped(req, limit),
  };
}

/** The Response Next.js sends for a reply (`Response.json`'s content type for JSON). */
export function toResponse(r: ApiReply): Response {
  if (r.response) return r.response;
  if (r.json === undefined) return new Response(null, { status: r.status, headers: r.headers });
  return Response.json(r.json, { status: r.status, headers: r.headers });
}

/** A Next route handler that also carries its reply function, which the fast layer calls directly. */
export type ReplyRoute<Params> = ((req: Request, ctx?: { params?: Promise<Params> }) => Promise<Response>) & {
  reply: (req: ApiRequest, params: Params) => Promise<ApiReply>;
};

export function replyRoute<Params = Record<string, never>>(
  run: (req: ApiRequest, params: Params) => Promise<ApiReply>,
): ReplyRoute<Params> {
  const route = async (req: Request, ctx?: { params?: Promise<Params> }) =>
    toResponse(await run(fromFetchRequest(req), (ctx?.params ? await ctx.params : {}) as Params));
  return Object.assign(route, { reply: run });
}
