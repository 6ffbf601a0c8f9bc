import { beforeAll, describe, expect, it } from "vitest";
import { checkLogin, FAILURE_WINDOW_SECONDS, MAX_FAILURES } from "./login";
import { advanceClock } from "./clock";
import { createCustomer, createOperator, SLOW, uniqueEmail, type TestOperator } from "@/test/helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

describe("login throttling", () => {
  it("login: the right password → ok with the user's account and role; a wrong one → invalid", async () => {
    const c = await createCustomer(op);
    const ok = await checkLogin(c.email, c.password);
    expect(ok).toEqual({
      kind: "ok",
      user: { id: c.ownerId, email: c.email, name: expect.any(String), kind: "customer", accountId: c.accountId, role: "owner" },
    });
    expect((await checkLogin(`  ${c.email.toUpperCase()} `, c.password)).kind).toBe("ok");
    expect(await checkLogin(c.email, `${c.password}x`)).toEqual({ kind: "invalid" });
    expect(await checkLogin(uniqueEmail("nobody"), c.password)).toEqual({ kind: "invalid" });
  }, SLOW);

  it("login: 5 failures in 15 minutes → even the right password is throttled; 15 minutes later → ok", async () => {
    expect(MAX_FAILURES).toBe(5);
    expect(FAILURE_WINDOW_SECONDS).toBe(15 * 60);
    const c = await createCustomer(op);
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await checkLogin(c.email, `wrong password ${i}`)).toEqual({ kind: "invalid" });
    }
    expect(await checkLogin(c.email, c.password)).toEqual({ kind: "throttled" });
    // the e-mail is matched case-insensitively, so changing its case does not get around the throttle
    expect(await checkLogin(c.email.toUpperCase(), c.password)).toEqual({ kind: "throttled" });

    await advanceClock(op.actor, { advanceSeconds: FAILURE_WINDOW_SECONDS });
    const ok = await checkLogin(c.email, c.password);
    expect(ok.kind).toBe("ok");
  }, SLOW); // eight argon2 verifications
});
