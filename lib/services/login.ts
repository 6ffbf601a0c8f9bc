import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { loginAttempts, loginThrottle, users } from "@/db/schema";
import type { OperatorActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";
import { unstorableReason } from "@/lib/validation/text";
import { writeAudit } from "./audit";

/** Failed attempts per e-mail before each further one waits (growing delay). */
export const MAX_FAILURES = 5;
/** Failed attempts per client address before each further one waits (many users behind one NAT). */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** The longest wait: the first lock is 30 s, each further failure doubles it, up to 15 minutes. */
export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const FIRST_DELAY_SECONDS = 30;
/** A count with no failure for this long starts again from zero. */
export const RESET_AFTER_SECONDS = 60 * 60;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  kind: "operator" | "customer";
  accountId: string | null;
  role: "owner" | "member" | null;
};

export type LoginResult =
  | { kind: "ok"; user: SessionUser }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number };

/** The wait after the n-th failure of a key whose limit is `limit` (0 below the limit). */
export function lockSeconds(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(FAILURE_WINDOW_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(failures - limit, 20));
}

const emailKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `ip:${address}`;
const limitOf = (key: string) => (key.startsWith("ip:") ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES);

/**
 * Counts one attempt on each key under their row locks (keys in a fixed order, so no deadlock), before the
 * password is checked: concurrent attempts serialise here, and those beyond the limit are refused
 * without being evaluated. Null when the attempt may go on; else how long to wait.
 */
async function claimAttempt(keys: string[], at: Date): Promise<number | null> {
  return db().transaction(async (tx) => {
    const sorted = [...keys].sort();
    let rows: (typeof loginThrottle.$inferSelect)[] = [];
    // A stale row may be pruned by another attempt between the insert and the lock: insert again.
    for (let i = 0; i < 3 && rows.length < sorted.length; i++) {
      await tx
        .insert(loginThrottle)
        .values(sorted.map((key) => ({ key })))
        .onConflictDoNothing();
      rows = await tx
        .select()
        .from(loginThrottle)
        .where(inArray(loginThrottle.key, sorted))
        .orderBy(loginThrottle.key)
        .for("update");
    }
    const waits = rows
      .filter((r) => r.lockedUntil && r.lockedUntil > at)
      .map((r) => Math.ceil((r.lockedUntil!.getTime() - at.getTime()) / 1000));
    if (waits.length) return Math.max(...waits);
    for (const r of rows) {
      const stale = r.lastFailureAt && at.getTime() - r.lastFailureAt.getTime() > RESET_AFTER_SECONDS * 1000;
      const failures = (stale ? 0 : r.failures) + 1;
      const wait = lockSeconds(failures, limitOf(r.key));
      await tx
        .update(loginThrottle)
        .set({ failures, lastFailureAt: at, lockedUntil: wait ? new Date(at.getTime() + wait * 1000) : null })
        .where(eq(loginThrottle.key, r.key));
    }
    // Counts idle for longer than RESET_AFTER_SECONDS mean nothing any more: drop a few per attempt, so
    // e-mails sprayed by an attacker do not pile up.
    const idleSince = new Date(at.getTime() - RESET_AFTER_SECONDS * 1000);
    await tx.execute(sql`
      DELETE FROM login_throttle WHERE key IN (
        SELECT key FROM login_throttle
        WHERE (last_failure_at IS NULL OR last_failure_at < ${idleSince.toISOString()}::timestamptz)
          AND (locked_until IS NULL OR locked_until < ${at.toISOString()}::timestamptz)
          AND key NOT IN (${sql.join(
            sorted.map((k) => sql`${k}`),
            sql`, `,
          )})
        LIMIT 100 FOR UPDATE SKIP LOCKED)`);
    return null;
  });
}

/** A right password: the e-mail starts again from zero; the address gives back the attempt it counted. */
async function releaseAttempt(email: string, address: string | null): Promise<void> {
  await db()
    .update(loginThrottle)
    .set({ failures: 0, lastFailureAt: null, lockedUntil: null })
    .where(eq(loginThrottle.key, emailKey(email)));
  if (address) {
    await db()
      .update(loginThrottle)
      .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)`, lockedUntil: null })
      .where(eq(loginThrottle.key, addressKey(address)));
  }
}

let dummyHash: Promise<string> | undefined;
/** Unknown e-mails are checked against this, so they take as long as known ones. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${randomBytes(16).toString("hex")}`);
  return dummyHash;
}

/**
 * Checks a password. Every attempt is counted per e-mail and per client address before it is evaluated;
 * past the limits each further failure makes the key wait longer (30 s, 60 s, … 15 min), answered as
 * `throttled` with the seconds to wait. After the wait the right password is always accepted.
 */
export async function checkLogin(
  emailRaw: string,
  password: string,
  clientAddress: string | null = null,
): Promise<LoginResult> {
  const email = emailRaw.trim().toLowerCase();
  // No account has an e-mail that is too long or unstorable: refuse it as a wrong password, unread.
  if (email.length > 254 || unstorableReason(email) !== null || unstorableReason(password) !== null)
    return { kind: "invalid" };
  const address = clientAddress?.trim().slice(0, 64) || null;
  const at = await now();
  const keys = [emailKey(email), ...(address ? [addressKey(address)] : [])];
  const wait = await claimAttempt(keys, at);
  if (wait !== null) return { kind: "throttled", retryAfterSeconds: Math.max(1, wait) };
  const [u] = await db()
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.removedAt)));
  let ok = false;
  if (u) ok = await verifyPassword(u.passwordHash, password);
  else await verifyPassword(await dummy(), password); // the same work for an unknown email (no timing oracle)
  await db().insert(loginAttempts).values({ email, succeeded: ok, at });
  if (!u || !ok) return { kind: "invalid" };
  await releaseAttempt(email, address);
  return {
    kind: "ok",
    user: { id: u.id, email: u.email, name: u.name, kind: u.kind, accountId: u.accountId, role: u.accountRole },
  };
}

export type LoginLock = { email: string; failures: number; lockedUntil: Date | null };

/** The throttle state of these e-mails (for the operator's account page). */
export async function loginLocks(emails: string[], conn: DbOrTx = db()): Promise<Map<string, LoginLock>> {
  if (emails.length === 0) return new Map();
  const rows = await conn
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, emails.map(emailKey)));
  return new Map(
    rows.map((r) => [
      r.key.slice("email:".length),
      { email: r.key.slice("email:".length), failures: r.failures, lockedUntil: r.lockedUntil },
    ]),
  );
}

/** An operator clears an e-mail's failed-login count and lock (audited). */
export async function clearLoginLock(actor: OperatorActor, emailRaw: string): Promise<void> {
  const email = emailRaw.trim().toLowerCase();
  await db().transaction(async (tx) => {
    const at = await now(tx);
    const [u] = await tx.select({ accountId: users.accountId }).from(users).where(eq(users.email, email));
    const [before] = await tx
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, emailKey(email)))
      .for("update");
    await tx
      .update(loginThrottle)
      .set({ failures: 0, lastFailureAt: null, lockedUntil: null })
      .where(eq(loginThrottle.key, emailKey(email)));
    await writeAudit(tx, {
      actor,
      at,
      accountId: u?.accountId ?? null,
      action: "login.unlock",
      entityType: "user",
      entityId: email,
      before: { failures: before?.failures ?? 0, lockedUntil: before?.lockedUntil?.toISOString() ?? null },
      after: { failures: 0, lockedUntil: null },
    });
  });
}

/** Re-reads a session's user so a removed member loses access at once. */
export async function sessionUser(userId: string): Promise<SessionUser | null> {
  const [u] = await db()
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.removedAt)));
  return u
    ? { id: u.id, email: u.email, name: u.name, kind: u.kind, accountId: u.accountId, role: u.accountRole }
    : null;
}
