import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, safeError } from "@/lib/log";

function capture(level = "info") {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  });
  return { logger: createLogger(dest as never, level), lines };
}

describe("issue 8: the server log", () => {
  it("one JSON line per entry; passwords, API keys, authorization and cookies are redacted", async () => {
    const { logger, lines } = capture();
    logger.info(
      {
        body: { ownerPassword: "hunter22", password: "pw", apiKey: "imk_secret" },
        req: { headers: { authorization: "Bearer imk_x", cookie: "next-auth.session-token=abc" } },
      },
      "request",
    );
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    const text = lines[0]!;
    const entry = JSON.parse(text);
    expect(entry.msg).toBe("request");
    for (const secret of ["hunter22", "imk_secret", "imk_x", "abc"]) expect(text).not.toContain(secret);
  });

  it("an error at info/error level holds no SQL parameters and no stack trace", async () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    const err = Object.assign(
      new Error(
        'Failed query: insert into "users" ("email", "password_hash") values ' +
          "($1, $2)\nparams: victim@example.com,$argon2id$v=19$secret",
      ),
      { name: "DrizzleQueryError", cause },
    );
    logger.error({ err }, "unexpected error");
    await new Promise((r) => setImmediate(r));
    const text = lines.join("\n");
    expect(text).not.toContain("victim@example.com");
    expect(text).not.toContain("argon2id");
    expect(text).not.toContain("    at ");
    expect(JSON.parse(lines[0]!).err).toMatchObject({ type: "DrizzleQueryError", code: "22021" });
    expect(safeError(err, true).stack).toEqual(expect.any(String));
  });
});
