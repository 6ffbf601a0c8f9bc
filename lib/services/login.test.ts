import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkLogin,
  clearLoginLock,
  FAILURE_WINDOW_SECONDS,
  FIRST_DELAY_SECONDS,
  lockSeconds,
  loginLocks,
  MAX_FAILURES,
  MAX_FAILURES_PER_ADDRESS,
} from "./login";
import { advanceClock } from "./test-clock";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { loginThrottle } from "@/db/schema";
import { now } from "@/lib/clock";
import { createCustomer, createOperator, SLOW, uniqueEmail, type TestOperator } from "@/test/helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const address = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("login throttling", () => {
  it(
    "login: the right password → ok with the user's account and role; a wrong one → invalid",
    async () => {
      const c = await createCustomer(op);
      const ok = await checkLogin(c.email, c.password);
      expect(ok).toEqual({
        kind: "ok",
        user: {
          id: c.ownerId,
          email: c.email,
          name: expect.any(String),
          kind: "customer",
          accountId: c.accountId,
          role: "owner",
        },
      });
      expect((await checkLogin(`  ${c.email.toUpperCase()} `, c.password)).kind).toBe("ok");
      expect(await checkLogin(c.email, `${c.password}x`)).toEqual({ kind: "invalid" });
      expect(await checkLogin(uniqueEmail("nobody"), c.password)).toEqual({ kind: "invalid" });
    },
    SLOW,
  );

  it("the delay grows: 30 s after the 5th failure, doubling per further failure, at most 15 minutes", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 30].map((n) => lockSeconds(n, MAX_FAILURES))).toEqual([
      0, 30, 60, 120, 240, 480, 900, 900,
    ]);
    expect(FIRST_DELAY_SECONDS).toBe(30);
    expect(FAILURE_WINDOW_SECONDS).toBe(15 * 60);
  });

  it(
    "login: 5 failures → the next attempt waits 30 s (429 Retry-After); " +
      "after the wait the right password is never refused",
    async () => {
      expect(MAX_FAILURES).toBe(5);
      const c = await createCustomer(op);
      for (let i = 0; i < MAX_FAILURES; i++) {
        expect(await checkLogin(c.email, `wrong password ${i}`)).toEqual({ kind: "invalid" });
      }
      const t = await checkLogin(c.email, c.password);
      expect(t).toEqual({ kind: "throttled", retryAfterSeconds: expect.any(Number) });
      expect((t as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(30);
      // the e-mail is matched case-insensitively, so changing its case does not get around the throttle
      expect((await checkLogin(c.email.toUpperCase(), c.password)).kind).toBe("throttled");

      await advanceClock(op.actor, { advanceSeconds: FIRST_DELAY_SECONDS });
      expect((await checkLogin(c.email, c.password)).kind).toBe("ok");
      // a success starts the count again: the next wrong password is just invalid
      expect(await checkLogin(c.email, "wrong again")).toEqual({ kind: "invalid" });
    },
    SLOW,
  );

  it(
    "login: 30 concurrent wrong guesses on one e-mail → at most 5 are evaluated, the rest are throttled",
    async () => {
      // Other test files move the one test clock; a move past the throttle's wait mid-burst would let
      // later guesses through legitimately, so a burst during which the clock moved is tried again.
      let results: Awaited<ReturnType<typeof checkLogin>>[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const c = await createCustomer(op);
        const before = (await now()).getTime();
        results = await Promise.all(Array.from({ length: 30 }, (_, i) => checkLogin(c.email, `guess ${i}`, address())));
        if ((await now()).getTime() === before) break;
      }
      expect(results.filter((r) => r.kind === "invalid")).toHaveLength(MAX_FAILURES);
      expect(results.filter((r) => r.kind === "throttled")).toHaveLength(30 - MAX_FAILURES);
    },
    SLOW,
  );

  it(
    "login: failures are also counted per client address, across e-mails",
    async () => {
      const ip = address();
      const results = [];
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 1; i++)
        results.push(await checkLogin(uniqueEmail("spray"), "password spraying", ip));
      expect(results.slice(0, MAX_FAILURES_PER_ADDRESS).every((r) => r.kind === "invalid")).toBe(true);
      expect(results[MAX_FAILURES_PER_ADDRESS]!.kind).toBe("throttled");
      // another address is not affected
      expect((await checkLogin(uniqueEmail("spray"), "x", address())).kind).toBe("invalid");
    },
    SLOW,
  );

  it(
    "login: an unknown e-mail takes about as long as a known one (checked against a dummy hash)",
    async () => {
      const c = await createCustomer(op);
      await checkLogin(uniqueEmail("warm"), "warm up the dummy hash");
      const time = async (email: string) => {
        const t0 = performance.now();
        await checkLogin(email, `wrong-${randomUUID()}`, address());
        return performance.now() - t0;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i++) {
        known.push(await time(c.email));
        unknown.push(await time(uniqueEmail("ghost")));
        await clearLoginLock(op.actor, c.email);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
    },
    SLOW,
  );

  it(
    "an operator sees the lock of an e-mail and clears it; the user can log in at once",
    async () => {
      const c = await createCustomer(op);
      for (let i = 0; i < MAX_FAILURES; i++) await checkLogin(c.email, `wrong ${i}`);
      const lock = (await loginLocks([c.email])).get(c.email);
      expect(lock).toEqual({ email: c.email, failures: MAX_FAILURES, lockedUntil: expect.any(Date) });
      expect((await checkLogin(c.email, c.password)).kind).toBe("throttled");
      await clearLoginLock(op.actor, c.email);
      expect((await loginLocks([c.email])).get(c.email)).toEqual({ email: c.email, failures: 0, lockedUntil: null });
      expect((await checkLogin(c.email, c.password)).kind).toBe("ok");
    },
    SLOW,
  );

  it("counts idle for more than an hour are dropped as other attempts come in", async () => {
    const at = await now();
    const key = `email:${uniqueEmail("idle")}`;
    await db()
      .insert(loginThrottle)
      .values({ key, failures: 3, lastFailureAt: new Date(at.getTime() - 2 * 3600_000), lockedUntil: null });
    await checkLogin(uniqueEmail("someone"), "x", address());
    expect(await db().select().from(loginThrottle).where(eq(loginThrottle.key, key))).toEqual([]);
  });

  it("an over-long or unstorable e-mail is invalid, not an error", async () => {
    expect(await checkLogin(`${"a".repeat(300)}@x.example`, "pw")).toEqual({ kind: "invalid" });
    expect(await checkLogin("a\u0000@x.example", "pw")).toEqual({ kind: "invalid" });
    expect(await checkLogin("a@x.example", "p\ud800")).toEqual({ kind: "invalid" });
  });
});
