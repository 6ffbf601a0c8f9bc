import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO } from "@/db/demo";
import {
  demoCredentialsInUse,
  mustRefuseDemo,
  removeDemoCredentials,
  shouldPrintDemo,
  shouldSeedDemo,
} from "@/db/production";
import { hashPassword } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";
import { SLOW } from "../helpers";

const ROOT = join(import.meta.dirname, "..", "..");

describe("issue 8: production defaults", () => {
  it(
    "demo logins are seeded and printed for the embedded demo only; a production " +
      "start on an external database neither seeds nor prints them",
    () => {
      expect(shouldSeedDemo({ embedded: true, appMode: "production" })).toBe(true);
      expect(shouldSeedDemo({ embedded: false, appMode: "production" })).toBe(false);
      expect(shouldSeedDemo({ embedded: false, appMode: "test" })).toBe(true);
      expect(shouldSeedDemo({ embedded: true, appMode: "production", seedDemo: "false" })).toBe(false);
      expect(shouldPrintDemo({ embedded: true, appMode: "production" })).toBe(true);
      expect(shouldPrintDemo({ embedded: false, appMode: "test" })).toBe(false);
      expect(mustRefuseDemo({ embedded: false, appMode: "production" })).toBe(true);
      expect(mustRefuseDemo({ embedded: true, appMode: "production" })).toBe(false);
    },
  );

  it(
    "a production start refuses to run while a demo login with its " +
      "published password exists, and says how to remove it",
    async () => {
      const at = await now();
      await db()
        .insert(users)
        .values({
          email: DEMO.member.email,
          name: "Demo member",
          passwordHash: await hashPassword(DEMO.member.password),
          kind: "operator",
          createdAt: at,
        });
      try {
        expect(await demoCredentialsInUse()).toEqual([DEMO.member.email]);
        const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["db/launch.ts", "start"], {
          cwd: ROOT,
          encoding: "utf8",
          timeout: 60_000,
          env: {
            ...process.env,
            APP_MODE: "production",
            AUTH_SECRET: "x".repeat(32),
            PORT: "1",
            BOOTSTRAP_OPERATOR_KEY: "",
          },
        });
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
        expect(r.stderr).toContain("refusing to start in production mode");
        expect(r.stderr).toContain(DEMO.member.email);
        expect(r.stderr).toContain("npm run db:remove-demo");
        expect(r.stdout).not.toContain(DEMO.member.password);

        expect(await removeDemoCredentials()).toEqual([DEMO.member.email]);
        expect(await demoCredentialsInUse()).toEqual([]);
        const [left] = await db()
          .select()
          .from(users)
          .where(like(users.email, `${DEMO.member.email}#removed-%`));
        expect(left!.removedAt).not.toBeNull();
      } finally {
        await db()
          .delete(users)
          .where(eq(users.email, DEMO.member.email))
          .catch(() => {});
      }
    },
    SLOW,
  );
});
