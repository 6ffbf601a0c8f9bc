/**
 * Test helpers: every test makes its own operator / accounts (unique e-mails), so test files are
 * independent and may run in parallel. Route handlers are called directly as functions.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, apps, auditLog, ledgerEntries, users } from "@/db/schema";
import type { CustomerActor, OperatorActor } from "@/lib/auth/actor";
import { hashApiKey, newApiKey } from "@/lib/auth/secrets";
import { COUNTED_STATUSES } from "@/lib/billing/apps";
import { now } from "@/lib/clock";
import { createAccount, topUp, verifyAccount } from "@/lib/services/accounts";

export const uniqueEmail = (tag = "user") => `${tag}-${randomUUID()}@test.example`;

export type TestOperator = { userId: string; key: string; keyId: string; actor: OperatorActor };

/** An operator user with an operator API key. */
export async function createOperator(): Promise<TestOperator> {
  const at = await now();
  // Test operators never log in with a password: a non-argon2 value that verifyPassword always refuses.
  const passwordHash = "!no-password";
  const [u] = await db()
    .insert(users)
    .values({ email: uniqueEmail("operator"), name: "Test operator", passwordHash, kind: "operator", createdAt: at })
    .returning({ id: users.id });
  const { key, prefix } = newApiKey("operator");
  const [k] = await db()
    .insert(apiKeys)
    .values({ kind: "operator", createdBy: u!.id, name: "test", prefix, keyHash: hashApiKey(key), createdAt: at })
    .returning({ id: apiKeys.id });
  return { userId: u!.id, key, keyId: k!.id, actor: { kind: "operator", userId: u!.id } };
}

export type TestCustomer = {
  accountId: string;
  ownerId: string;
  apiKey: string;
  email: string;
  password: string;
  actor: CustomerActor;
};

/** A customer account (owner + first account key) made by lib/services/accounts createAccount. */
export async function createCustomer(
  op?: TestOperator,
  opts: { verified?: boolean; cash?: string; gift?: string; name?: string } = {},
): Promise<TestCustomer> {
  const email = uniqueEmail("owner");
  const password = `pw-${randomUUID()}`;
  const actor = op?.actor ?? ({ kind: "system" } as const);
  const r = await createAccount(actor, {
    name: opts.name ?? "Test account",
    ownerEmail: email,
    ownerPassword: password,
  });
  const c: TestCustomer = {
    accountId: r.account.id,
    ownerId: r.ownerId,
    apiKey: r.apiKey,
    email,
    password,
    actor: { kind: "customer", accountId: r.account.id, role: "owner", userId: r.ownerId },
  };
  if (op && opts.verified) await verifyAccount(op.actor, c.accountId);
  if (op && (opts.cash || opts.gift))
    await topUp(op.actor, c.accountId, { cash: opts.cash, gift: opts.gift, note: "test top-up" });
  return c;
}

/** Inserts `n` enabled trial apps directly (fast set-up for the cap tests). */
export async function insertApps(accountId: string, n: number): Promise<void> {
  if (n <= 0) return;
  const at = await now();
  await db()
    .insert(apps)
    .values(
      Array.from({ length: n }, (_, i) => ({ accountId, name: `bulk ${i + 1}`, statusChangedAt: at, createdAt: at })),
    );
}

/** Apps holding a slot of the cap (R-APP-1). */
export async function countedApps(accountId: string): Promise<number> {
  const [r] = await db()
    .select({ n: count() })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), inArray(apps.status, COUNTED_STATUSES)));
  return r!.n;
}

export async function allApps(accountId: string): Promise<number> {
  const [r] = await db().select({ n: count() }).from(apps).where(eq(apps.accountId, accountId));
  return r!.n;
}

export async function auditRows(accountId: string) {
  return db().select().from(auditLog).where(eq(auditLog.accountId, accountId)).orderBy(auditLog.id);
}

export async function ledgerRows(accountId: string) {
  return db().select().from(ledgerEntries).where(eq(ledgerEntries.accountId, accountId)).orderBy(ledgerEntries.id);
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type CallOptions<P> = {
  method?: string;
  /** Path for the request URL (cosmetic; the handler is called directly). Query strings matter. */
  path?: string;
  params?: P;
  /** An object is sent as JSON; a string is sent as the raw body (for malformed JSON tests). */
  body?: unknown;
  /** The bearer key; `null` sends no Authorization header. */
  key?: string | null;
  /** A full Authorization header value, overriding `key`. */
  authorization?: string;
  headers?: Record<string, string>;
};

export type CallResult = { status: number; json: any; headers: Headers };

/** Builds a Request and invokes an exported route handler (GET, POST, …) directly. */
export async function call<P = Record<string, never>>(
  handler: Handler<P>,
  opts: CallOptions<P> = {},
): Promise<CallResult> {
  const headers = new Headers(opts.headers);
  if (opts.authorization !== undefined) headers.set("authorization", opts.authorization);
  else if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const method = opts.method ?? (body !== undefined ? "POST" : "GET");
  const req = new Request(new URL(opts.path ?? "/api/v1/test", "http://localhost"), { method, headers, body });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
  }
  return { status: res.status, json, headers: res.headers };
}

/**
 * Timeout for tests that make several accounts (argon2 hashing) or fire concurrent requests: fast on an
 * idle machine, but a 2-core machine shared with a browser build can stall them well past the default 20 s.
 */
export const SLOW = 60_000;

/** Every money value in an API answer is a two-decimal string (API.md). */
export const MONEY_STRING = /^-?\d+\.\d{2}$/;
