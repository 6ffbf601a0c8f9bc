import type { z } from "zod";
import type { Actor, CustomerActor, OperatorActor } from "./actor";
import { assertCan, type Permission } from "./permissions";
import { actorForApiKey } from "@/lib/services/api-keys";
import { ensureOperatorKey } from "@/lib/services/bootstrap";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { DomainError, isDomainError, validationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { type ApiReply, type ApiRequest, type ReplyRoute, reply, replyRoute, toResponse } from "@/lib/http/reply";

/** The JSON error shape of API.md. Unknown errors never leak their text. */
export function errorReply(e: unknown): ApiReply {
  if (isDomainError(e)) {
    return reply(
      { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } },
      { status: e.status },
    );
  }
  log().error({ err: e, where: "api" }, "unexpected error");
  return reply(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

export const errorResponse = (e: unknown): Response => toResponse(errorReply(e));

async function authenticate(req: ApiRequest): Promise<Actor> {
  const header = req.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new DomainError("unauthorized", "Send an API key as `Authorization: Bearer <key>`.");
  const key = m[1]!;
  let actor = await actorForApiKey(key);
  if (!actor && env.bootstrapOperatorKey && key === env.bootstrapOperatorKey) {
    await ensureOperatorKey(key);
    actor = await actorForApiKey(key);
  }
  if (!actor) throw new DomainError("unauthorized", "The API key is unknown or revoked.");
  return actor;
}

/** Reads a JSON body (at most MAX_BODY_BYTES, else 413 before parsing); malformed JSON is a 400 naming the body. */
export async function readJson(req: ApiRequest): Promise<unknown> {
  const text = await req.text(MAX_BODY_BYTES);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed({ body: "must be valid JSON" });
  }
}

type ActorFor<P extends Permission> = P extends `admin:${string}` ? OperatorActor : CustomerActor;
type Ctx<P extends Permission, Params> = { actor: ActorFor<P>; req: ApiRequest; params: Params };

const REPLY = Symbol("reply");
type Marked = ApiReply & { [REPLY]: true };
const marked = (r: ApiReply): Marked => ({ ...r, [REPLY]: true });
const isReply = (out: unknown): out is Marked => typeof out === "object" && out !== null && REPLY in out;

/**
 * The one guarded entry for API routes: authenticate the bearer key, check the permission table,
 * run the handler, map domain errors to API.md's shape. A handler answers JSON data (200), a
 * `created`/`noContent`/`withStatus` reply, or a ready Response. The result is Next's route handler,
 * whose `reply` the fast layer (lib/http/fast-api.ts) calls without a Request/Response pair.
 */
export function apiRoute<P extends Permission, Params = Record<string, never>>(
  permission: P,
  handler: (ctx: Ctx<P, Params>) => Promise<unknown>,
): ReplyRoute<Params> {
  return replyRoute<Params>(async (req, params) => {
    try {
      const actor = await authenticate(req);
      assertCan(actor, permission);
      const out = await handler({ actor: actor as ActorFor<P>, req, params });
      if (out instanceof Response) return { status: out.status, response: out };
      if (isReply(out)) return out;
      return reply(out);
    } catch (e) {
      return errorReply(e);
    }
  });
}

/** Parses a JSON body with the route's zod schema (400 `validation_failed` with `details.fields`). */
export async function body<T extends z.ZodType>(req: ApiRequest, schema: T): Promise<z.infer<T>> {
  return parseInput(schema, await readJson(req));
}

/** JSON with another status than 200, or extra headers. */
export const withStatus = (status: number, data: unknown, headers?: Record<string, string>) =>
  marked(reply(data, { status, headers }));
export const created = (data: unknown) => withStatus(201, data);
export const noContent = () => marked({ status: 204 });
