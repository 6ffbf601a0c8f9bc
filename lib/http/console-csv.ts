/** The console's CSV downloads (issue 9): the signed-in customer's session, a validated range, RFC 4180 text. */
import { actorOf, currentUser } from "@/lib/auth/session";
import type { CustomerActor } from "@/lib/auth/actor";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { errorResponse } from "@/lib/auth/api";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { exportRangeSchema, type ExportRange } from "@/lib/validation/exports";

export function csvResponse(body: string, filename: string): Response {
  // BOM: spreadsheet programs then read the Chinese app names as UTF-8
  return new Response(`\uFEFF${body}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

export async function sessionCustomer(permission: Permission): Promise<CustomerActor> {
  const user = await currentUser();
  if (!user) throw new DomainError("unauthorized", "Sign in first.");
  const actor = actorOf(user);
  assertCan(actor, permission);
  if (actor.kind !== "customer") throw new DomainError("forbidden", "This export belongs to customer accounts.");
  return actor;
}

export function consoleCsvRoute(
  permission: Permission,
  build: (actor: CustomerActor, range: ExportRange) => Promise<{ body: string; filename: string }>,
) {
  return async (req: Request): Promise<Response> => {
    try {
      const actor = await sessionCustomer(permission);
      const range = parseInput(exportRangeSchema, Object.fromEntries(new URL(req.url).searchParams));
      const { body, filename } = await build(actor, range);
      return csvResponse(body, filename);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
