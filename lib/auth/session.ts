import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import type { CustomerActor, OperatorActor } from "./actor";
import { sessionUser, type SessionUser } from "@/lib/services/login";

/** The signed-in user, re-read from the database on every request (a removed member loses access at once). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  return sessionUser(session.uid);
}

export function actorOf(user: SessionUser): CustomerActor | OperatorActor {
  if (user.kind === "operator") return { kind: "operator", userId: user.id };
  return { kind: "customer", accountId: user.accountId!, role: user.role!, userId: user.id };
}

/** For pages: the customer's actor, or a redirect to the login page / the operator console. */
export async function requireCustomer(): Promise<{ user: SessionUser; actor: CustomerActor }> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.kind !== "customer") redirect("/admin");
  return { user, actor: actorOf(user) as CustomerActor };
}

export async function requireOperator(): Promise<{ user: SessionUser; actor: OperatorActor }> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.kind !== "operator") redirect("/overview");
  return { user, actor: actorOf(user) as OperatorActor };
}
