import type { Actor } from "./actor";
import { forbidden } from "@/lib/errors";

/** Who may do what (SPEC §2). Checked on the server in every action and route; the UI only hides. */
export const PERMISSIONS = {
  "account:read": ["owner", "member"],
  "apps:read": ["owner", "member"],
  "apps:write": ["owner", "member"],
  "members:manage": ["owner"],
  "apiKeys:manage": ["owner"],
  "alerts:manage": ["owner"],
  // the in-app inbox is the account's: owner and members read it and mark it read
  "notifications:read": ["owner", "member"],
  "orders:read": ["owner", "member"],
  "orders:write": ["owner", "member"],
  "refunds:read": ["owner", "member"],
  "refunds:write": ["owner", "member"],
  "bills:read": ["owner", "member"],
  // R-FEAT-1: the owner applies for broadcast/communities (the wording; members see the status)
  "features:write": ["owner"],
  // the IM backend reports usage with an account key (which acts as the owner)
  "usage:write": ["owner"],
  "admin:accounts": ["operator"],
  "admin:audit": ["operator"],
  "admin:clock": ["operator"],
  "admin:vouchers": ["operator"],
  "admin:campaigns": ["operator"],
  "admin:refunds": ["operator"],
  "admin:jobs": ["operator"],
  "admin:features": ["operator"],
} as const satisfies Record<string, readonly ("owner" | "member" | "operator")[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  if (actor.kind === "operator") return allowed.includes("operator");
  if (actor.kind === "customer") return allowed.includes(actor.role);
  return false;
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}
