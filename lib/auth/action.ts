import { AsyncLocalStorage } from "node:async_hooks";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import type { CustomerActor, OperatorActor } from "./actor";
import { assertCan, type Permission } from "./permissions";
import { actorOf, currentUser } from "./session";
import type { SessionUser } from "@/lib/services/login";
import { DomainError, isDomainError, type FieldErrors } from "@/lib/errors";
import { issuesToFields } from "@/lib/validation/common";
import { formatCNY } from "@/lib/format";
import { unstorableFields } from "@/lib/validation/text";
import { log } from "@/lib/log";

import type { ActionResult } from "@/lib/wire/console";

export type { ActionError, ActionResult } from "@/lib/wire/console";

type ActorFor<P extends Permission> = P extends `admin:${string}` ? OperatorActor : CustomerActor;

type Translate = ((key: string, params?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};
type ActionContext = { user: SessionUser | null };
const MONEY_PARAMS = new Set(["total", "available", "shortfall", "minTotal", "amount", "cash", "gift"]);

const outsideRequest = new AsyncLocalStorage<ActionContext>();
const untranslated: Translate = Object.assign((key: string) => key, { has: () => false });

/**
 * Runs server actions as `user` outside a Next.js request (no session cookie, no locale): the guard
 * is the same, messages stay in English. The hostile-input property test calls every action this way.
 */
export function asSessionUser<T>(user: SessionUser | null, fn: () => Promise<T>): Promise<T> {
  return outsideRequest.run({ user }, fn);
}

/**
 * The one guarded entry for server actions: session → actor (never from client input), permission
 * table, zod validation, and domain errors turned into translated messages with field reasons.
 */
export async function runAction<P extends Permission, S extends z.ZodType, T>(
  permission: P,
  schema: S,
  input: unknown,
  fn: (actor: ActorFor<P>, data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const ctx = outsideRequest.getStore();
  const t: Translate = ctx ? untranslated : await getTranslations("errors");
  const tv: Translate = ctx ? untranslated : await getTranslations("validation");
  const fail = (e: DomainError): ActionResult<T> => {
    const params = Object.fromEntries(
      Object.entries(e.details ?? {})
        .filter(([, v]) => typeof v === "string" || typeof v === "number")
        // Money in a message reads "¥5,000.00" like everywhere else in the console.
        .map(([k, v]) => [k, MONEY_PARAMS.has(k) && /^-?\d+(\.\d+)?$/.test(String(v)) ? formatCNY(String(v)) : v]),
    ) as Record<string, string | number>;
    // A refusal names its reason (details.reason) so the translated message says what to do.
    const reasonKey = typeof e.details?.reason === "string" ? `reasons.${e.details.reason}` : null;
    const message =
      reasonKey && t.has(reasonKey) ? t(reasonKey, params) : t.has(e.code) ? t(e.code, params) : e.message;
    const raw = (e.details?.fields ?? undefined) as FieldErrors | undefined;
    const fields = raw
      ? Object.fromEntries(Object.entries(raw).map(([f, r]) => [f, tv.has(r) ? tv(r) : r]))
      : undefined;
    return { ok: false, error: { code: e.code, message, ...(fields ? { fields } : {}) } };
  };
  try {
    const user = ctx ? ctx.user : await currentUser();
    if (!user) return fail(new DomainError("unauthorized", "Please log in again."));
    const actor = actorOf(user);
    assertCan(actor, permission);
    const unstorable = unstorableFields(input);
    if (Object.keys(unstorable).length)
      return fail(new DomainError("validation_failed", "Invalid input.", { fields: unstorable }));
    const parsed = schema.safeParse(input);
    if (!parsed.success)
      return fail(new DomainError("validation_failed", "Invalid input.", { fields: issuesToFields(parsed.error) }));
    return { ok: true, data: await fn(actor as ActorFor<P>, parsed.data) };
  } catch (e) {
    if (isDomainError(e)) return fail(e);
    log().error({ err: e, where: "action" }, "unexpected error");
    return { ok: false, error: { code: "internal", message: t("internal") } };
  }
}
