import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { GET as clockGet, POST as clockPost } from "@/app/api/v1/admin/clock/route";
import { POST as adminCreateAccount } from "@/app/api/v1/admin/accounts/route";
import { SLOW, call, createOperator, uniqueEmail, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const saved = { APP_MODE: process.env.APP_MODE, BOOTSTRAP_OPERATOR_KEY: process.env.BOOTSTRAP_OPERATOR_KEY };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe("R-TIME-3 the test clock", () => {
  it("R-TIME-3: GET /admin/clock → {now, mode: test}", async () => {
    const r = await call(clockGet, { key: op.key });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ now: expect.stringMatching(ISO), mode: "test" });
  });

  it("R-TIME-3: POST {advanceSeconds: 3600} moves the clock exactly +3600 s", async () => {
    const before = Date.parse((await call(clockGet, { key: op.key })).json.now);
    const r = await call(clockPost, { key: op.key, body: { advanceSeconds: 3600 } });
    expect(r.status).toBe(200);
    expect(r.json.now).toMatch(ISO);
    const after = Date.parse(r.json.now);
    // Other test files may move the one clock too: the move itself is read from its audit row.
    expect(after - before).toBeGreaterThanOrEqual(3600_000);
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "clock.advance"), eq(auditLog.actor, `key:${op.keyId}`)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    const move = row!.after as { now: string };
    expect(move.now).toBe(r.json.now);
    expect(Date.parse(move.now) - Date.parse((row!.before as { now: string }).now)).toBe(3600_000);
    const now = Date.parse((await call(clockGet, { key: op.key })).json.now);
    expect(now).toBeGreaterThanOrEqual(after);
  });

  it("R-TIME-3: POST {to} moves to that instant; an earlier instant → 400 and the clock stays", async () => {
    const current = Date.parse((await call(clockGet, { key: op.key })).json.now);
    const target = new Date(current + 2 * 86_400_000).toISOString();
    const r = await call(clockPost, { key: op.key, body: { to: target } });
    expect(r.status).toBe(200);
    expect(Date.parse(r.json.now)).toBeGreaterThanOrEqual(Date.parse(target));

    const earlier = new Date(Date.parse(r.json.now) - 3600_000).toISOString().replace("Z", "+00:00");
    const back = await call(clockPost, { key: op.key, body: { to: earlier } });
    expect(back.status).toBe(400);
    expect(back.json.error.code).toBe("validation_failed");
    expect(back.json.error.details.fields.to).toEqual(expect.any(String));
    expect(Date.parse((await call(clockGet, { key: op.key })).json.now)).toBeGreaterThanOrEqual(Date.parse(r.json.now));
  });

  it.each([
    ["negative seconds", { advanceSeconds: -1 }],
    ["zero seconds", { advanceSeconds: 0 }],
    ["fractional seconds", { advanceSeconds: 1.5 }],
    ["seconds as a string", { advanceSeconds: "x" }],
    ["numeric string seconds", { advanceSeconds: "60" }],
    ["an empty body", {}],
    ["both fields", { advanceSeconds: 60, to: "2030-01-01T00:00:00+08:00" }],
    ["a date without offset", { to: "2030-01-01T00:00:00" }],
    ["not a date", { to: "tomorrow" }],
    ["a JSON array", [60]],
  ])("R-TIME-3: POST with %s → 400 validation_failed, the clock does not move", async (_label, body) => {
    const r = await call(clockPost, { key: op.key, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(r.json.error.details.fields).toBeTypeOf("object");
  });

  it("R-TIME-3: in production mode GET reports the wall clock and POST → 403", async () => {
    process.env.APP_MODE = "production";
    const wallBefore = Date.now();
    const g = await call(clockGet, { key: op.key });
    expect(g.status).toBe(200);
    expect(g.json.mode).toBe("wall");
    expect(Math.abs(Date.parse(g.json.now) - wallBefore)).toBeLessThan(60_000);
    const p = await call(clockPost, { key: op.key, body: { advanceSeconds: 3600 } });
    expect(p.status).toBe(403);
    expect(p.json.error.code).toBe("forbidden");
    const bad = await call(clockPost, { key: op.key, body: { advanceSeconds: -1 } });
    expect(bad.status).toBe(403);
    process.env.APP_MODE = "test";
    expect((await call(clockGet, { key: op.key })).json.mode).toBe("test");
  });
});

describe("BOOTSTRAP_OPERATOR_KEY", () => {
  it(
    "API: the bootstrap key is a valid operator key (created on first use); other keys stay unknown",
    async () => {
      const key = `boot_${randomBytes(18).toString("base64url")}`;
      expect((await call(clockGet, { key })).status).toBe(401);
      process.env.BOOTSTRAP_OPERATOR_KEY = key;
      const r = await call(clockGet, { key });
      expect(r.status).toBe(200);
      expect(r.json.mode).toBe("test");
      // second use goes through the stored key
      expect((await call(clockGet, { key })).status).toBe(200);
      const created = await call(adminCreateAccount, {
        key,
        body: { name: "boot", ownerEmail: uniqueEmail(), ownerPassword: "long enough pw" },
      });
      expect(created.status).toBe(201);
      expect((await call(clockGet, { key: `${key}x` })).status).toBe(401);
    },
    SLOW,
  );

  it(
    "API: two bootstrap keys in a row (a restart with a new key) both work",
    async () => {
      for (let i = 0; i < 2; i++) {
        const key = `boot_${randomBytes(18).toString("base64url")}`;
        process.env.BOOTSTRAP_OPERATOR_KEY = key;
        const [a, b] = await Promise.all([call(clockGet, { key }), call(clockGet, { key })]);
        expect([a.status, b.status]).toEqual([200, 200]);
      }
    },
    SLOW,
  );
});
