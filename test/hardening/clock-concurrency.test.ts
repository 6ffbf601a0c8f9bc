import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { POST as clockPost } from "@/app/api/v1/admin/clock/route";
import { SLOW, call, createOperator, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

describe("R-TIME-3 concurrent clock moves", () => {
  it(
    "R-TIME-3: five concurrent {advanceSeconds: 60} all succeed and each moves the clock by exactly 60 s",
    async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => call(clockPost, { key: op.key, body: { advanceSeconds: 60 } })),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const rows = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "clock.advance"), eq(auditLog.actor, `key:${op.keyId}`)))
        .orderBy(auditLog.id);
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        const from = Date.parse((row.before as { now: string }).now);
        const to = Date.parse((row.after as { now: string }).now);
        expect(to - from).toBe(60_000);
      }
      // The moves are serialised: no two of them start from the same instant.
      expect(new Set(rows.map((r) => (r.before as { now: string }).now)).size).toBe(5);
    },
    SLOW,
  );

  it(
    "R-TIME-3: concurrent {to} moves to increasing instants never answer 400 for a later target",
    async () => {
      const base = Date.parse((await call(clockPost, { key: op.key, body: { advanceSeconds: 1 } })).json.now);
      const targets = [1, 2, 3, 4, 5].map((h) => new Date(base + h * 3600_000).toISOString());
      const results = await Promise.all(targets.map((to) => call(clockPost, { key: op.key, body: { to } })));
      // A target earlier than where another move left the clock is refused; the latest one always succeeds.
      expect(results.every((r) => r.status === 200 || r.status === 400)).toBe(true);
      expect(results[4]!.status).toBe(200);
    },
    SLOW,
  );
});
