import { and, count, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_SECONDS = 15 * 60;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  kind: "operator" | "customer";
  accountId: string | null;
  role: "owner" | "member" | null;
};

export type LoginResult = { kind: "ok"; user: SessionUser } | { kind: "invalid" } | { kind: "throttled" };

/** Checks a password; after 5 failures in 15 minutes an email is refused until the window passes. */
export async function checkLogin(emailRaw: string, password: string): Promise<LoginResult> {
  const email = emailRaw.trim().toLowerCase();
  const at = await now();
  const since = new Date(at.getTime() - FAILURE_WINDOW_SECONDS * 1000);
  const [f] = await db()
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  if (f!.n >= MAX_FAILURES) return { kind: "throttled" };
  const [u] = await db().select().from(users).where(and(eq(users.email, email), isNull(users.removedAt)));
  const ok = u ? await verifyPassword(u.passwordHash, password) : false;
  await db().insert(loginAttempts).values({ email, succeeded: ok, at });
  if (!u || !ok) return { kind: "invalid" };
  return { kind: "ok", user: { id: u.id, email: u.email, name: u.name, kind: u.kind, accountId: u.accountId, role: u.accountRole } };
}

/** Re-reads a session's user so a removed member loses access at once. */
export async function sessionUser(userId: string): Promise<SessionUser | null> {
  const [u] = await db().select().from(users).where(and(eq(users.id, userId), isNull(users.removedAt)));
  return u ? { id: u.id, email: u.email, name: u.name, kind: u.kind, accountId: u.accountId, role: u.accountRole } : null;
}
