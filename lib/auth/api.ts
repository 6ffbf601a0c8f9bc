import type { z } from "zod";
import type { Actor, CustomerActor, OperatorActor } from "./actor";
import { assertCan, type Permission } from "./permissions";
import { actorForApiKey } from "@/lib/services/api-keys";
import { ensureOperatorKey } from "@/lib/services/bootstrap";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { DomainError, isDomainError, validationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { MAX_BODY_BYTES, readBodyCapped } from "@/lib/http/body";

/** The JSON error shape of API.md. Unknown errors never leak their text. */
export function errorResponse(e: unknown): Response {
  if (isDomainError(e)) {
    return Response.json(
      { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } },
      { status: e.status },
    );
  }
  log().error({ err: e, where: "api" }, "unexpected error");
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

async function authenticate(req: Request): Promise<Actor> {
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
export async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyCapped(req, MAX_BODY_BYTES);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed({ body: "must be valid JSON" });
  }
}

type ActorFor<P extends Permission> = P extends `admin:${string}` ? OperatorActor : CustomerActor;
type Ctx<P extends Permission, Params> = { actor: ActorFor<P>; req: Request; params: Params };

/**
 * The one guarded entry for API routes: authenticate the bearer key, check the permission table,
 * run the handler, map domain errors to API.md's shape.
 */
export function apiRoute<P extends Permission, Params = Record<string, never>>(
  permission: P,
  handler: (ctx: Ctx<P, Params>) => Promise<unknown>,
) {
  return async (req: Request, context?: { params?: Promise<Params> }): Promise<Response> => {
    try {
      const actor = await authenticate(req);
      assertCan(actor, permission);
      const params = (context?.params ? await context.params : {}) as Params;
      const out = await handler({ actor: actor as ActorFor<P>, req, params });
      if (out instanceof Response) return out;
      return Response.json(out);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Parses a JSON body with the route's zod schema (400 `validation_failed` with `details.fields`). */
export async function body<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  return parseInput(schema, await readJson(req));
}

export const created = (data: unknown) => Response.json(data, { status: 201 });
export const noContent = () => new Response(null, { status: 204 });
