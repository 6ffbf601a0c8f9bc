import type { z } from "zod";
import type { Actor, CustomerActor, OperatorActor } from "./actor";
import { assertCan, type Permission } from "./permissions";
import { actorForApiKey } from "@/lib/services/api-keys";
import { hashApiKey } from "./secrets";
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

function bearerKey(req: ApiRequest): string {
  const header = req.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new DomainError("unauthorized", "Send an API key as `Authorization: Bearer <key>`.");
  return m[1]!;
}

async function authenticate(req: ApiRequest): Promise<Actor> {
  const key = bearerKey(req);
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

/**
 * apiRoute for a read whose one statement also resolves the bearer key (issue 11: the key lookup was a
 * round trip of its own on every call, as costly as the route's read). `input` parses the path and body;
 * `read` runs the route's statement for the key's hash (lib/services/api-keys.ts keyColumns) and gives
 * the key's actor, or null when no such live key exists; `answer` runs after the permission check.
 * The answers and their order are apiRoute's: a bad key is a 401 before a bad body's 400, a missing or
 * unknown key takes apiRoute's path (which also makes the bootstrap operator key), a refused one a 403.
 */
export function keyedApiRoute<P extends Permission, In, Data, Params = Record<string, never>>(
  permission: P,
  spec: {
    input: (req: ApiRequest, params: Params) => Promise<In>;
    read: (keyHash: string, input: In) => Promise<{ actor: Actor | null; data: Data }>;
    answer: (ctx: { actor: ActorFor<P>; input: In; data: Data }) => unknown;
  },
): ReplyRoute<Params> {
  return replyRoute<Params>(async (req, params) => {
    try {
      const hash = hashApiKey(bearerKey(req));
      let input: In;
      try {
        input = await spec.input(req, params);
      } catch (e) {
        assertCan(await authenticate(req), permission);
        throw e;
      }
      let { actor, data } = await spec.read(hash, input);
      if (!actor) {
        assertCan(await authenticate(req), permission);
        ({ actor, data } = await spec.read(hash, input));
        if (!actor) throw new DomainError("unauthorized", "The API key is unknown or revoked.");
      }
      assertCan(actor, permission);
      return reply(await spec.answer({ actor: actor as ActorFor<P>, input, data }));
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
