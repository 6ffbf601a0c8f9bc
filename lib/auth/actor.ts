/** Who is acting: always derived on the server from a session or an API key, never from client input. */
export type CustomerRole = "owner" | "member";

export type OperatorActor = { kind: "operator"; userId: string; keyId?: string };
/** `via: "auto_renew"`: the platform acting on the account's standing auto-renew instruction (R-BUY-9). */
export type CustomerActor = {
  kind: "customer";
  accountId: string;
  role: CustomerRole;
  userId?: string;
  keyId?: string;
  via?: "auto_renew";
};
export type SystemActor = { kind: "system" };
export type Actor = OperatorActor | CustomerActor | SystemActor;

/** How an actor is written in audit and ledger rows. */
export function actorTag(actor: Actor): string {
  if (actor.kind === "system") return "system";
  if (actor.kind === "customer" && actor.via) return `system:${actor.via}`;
  if (actor.keyId) return `key:${actor.keyId}`;
  return actor.kind === "operator" ? `operator:${actor.userId}` : `user:${actor.userId}`;
}
