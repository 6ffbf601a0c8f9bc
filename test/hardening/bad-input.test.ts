/** Issue 8: the bad inputs that answered 500 (or were accepted) before, one by one. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as appsPost } from "@/app/api/v1/apps/route";
import { GET as usageGet } from "@/app/api/v1/apps/[sdkAppId]/usage/route";
import { POST as loginsPost } from "@/app/api/v1/usage/logins/route";
import { POST as dailyPost } from "@/app/api/v1/usage/daily/route";
import { POST as accountsPost } from "@/app/api/v1/admin/accounts/route";
import { POST as topupPost } from "@/app/api/v1/admin/accounts/[id]/topups/route";
import { GET as catchAllGet, POST as catchAllPost } from "@/app/api/v1/[...path]/route";
import { createApp } from "@/lib/services/apps";
import { MAX_BODY_BYTES, readBodyCapped } from "@/lib/http/body";
import { MAX_LOGIN_EVENTS, MAX_USER_ID, loginsSchema } from "@/lib/validation/usage";
import {
  SLOW,
  allApps,
  call,
  createCustomer,
  createOperator,
  ledgerRows,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
let c: TestCustomer;
let sdkAppId: number;
beforeAll(async () => {
  op = await createOperator();
  c = await createCustomer(op, { verified: true, cash: "100.00", gift: "1.00" });
  sdkAppId = (await createApp(c.actor, { name: "Bad input" })).sdkAppId;
}, SLOW);

function expectFieldError(r: { status: number; json: any }, field: string) {
  expect(r.status, JSON.stringify(r.json)).toBe(400);
  expect(r.json.error.code).toBe("validation_failed");
  expect(r.json.error.details.fields[field], JSON.stringify(r.json.error.details.fields)).toEqual(expect.any(String));
}

describe("issue 8: bad text", () => {
  it.each([
    ["a NUL character", "Chat\u0000App"],
    ["a lone high surrogate", "Chat\ud800App"],
    ["a lone low surrogate", "\udc00"],
    ["only invisible characters", "\u200b\u200c\u2060\ufeff"],
    ["only ideographic spaces", "\u3000\u3000"],
  ])("app name with %s → 400 naming `name`, no app", async (_l, name) => {
    const before = await allApps(c.accountId);
    expectFieldError(await call(appsPost, { key: c.apiKey, body: { name } }), "name");
    expect(await allApps(c.accountId)).toBe(before);
  });

  it("account name with NUL, invisible-only name, an e-mail over 254 characters → 400 naming the field", async () => {
    const email = () => `x-${randomUUID()}@test.example`;
    expectFieldError(
      await call(accountsPost, {
        key: op.key,
        body: { name: "A\u0000B", ownerEmail: email(), ownerPassword: "long enough" },
      }),
      "name",
    );
    expectFieldError(
      await call(accountsPost, {
        key: op.key,
        body: { name: "\u200b\u00ad", ownerEmail: email(), ownerPassword: "long enough" },
      }),
      "name",
    );
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.example`;
    expect(long.length).toBeGreaterThan(254);
    expectFieldError(
      await call(accountsPost, {
        key: op.key,
        body: { name: "Long mail", ownerEmail: long, ownerPassword: "long enough" },
      }),
      "ownerEmail",
    );
  });

  it("top-up note with NUL → 400 naming `note`, nothing posted", async () => {
    const before = (await ledgerRows(c.accountId)).length;
    expectFieldError(
      await call(topupPost, { key: op.key, params: { id: c.accountId }, body: { cash: "1.00", note: "n\u0000" } }),
      "note",
    );
    expect((await ledgerRows(c.accountId)).length).toBe(before);
  });

  it("usage userId with NUL or a lone surrogate → 400 naming events.0.userId", async () => {
    for (const userId of ["u\u0000", "u\ud83d"]) {
      expectFieldError(
        await call(loginsPost, {
          key: c.apiKey,
          body: { events: [{ sdkAppId, userId, at: "2026-01-02T10:00:00+08:00" }] },
        }),
        "events.0.userId",
      );
    }
  });
});

describe("issue 8: impossible days and numbers beyond the column", () => {
  it.each(["2027-02-31", "2027-04-31", "0000-01-01"])("usage query from=%s → 400 naming `from`", async (from) => {
    const r = await call(usageGet, {
      key: c.apiKey,
      params: { sdkAppId: String(sdkAppId) },
      path: `/api/v1/x?from=${from}&to=2027-06-01`,
    });
    expectFieldError(r, "from");
  });

  const record = (over: Record<string, unknown>) => ({
    records: [
      {
        sdkAppId,
        date: "2026-01-02",
        groups: 1,
        liveGroups: 0,
        bandwidthMbps: { domestic: 0, international: 0 },
        ...over,
      },
    ],
  });

  it.each(["2027-02-31", "2027-04-31", "0000-01-01"])(
    "daily report for %s → 400 naming records.0.date",
    async (date) => {
      expectFieldError(await call(dailyPost, { key: c.apiKey, body: record({ date }) }), "records.0.date");
    },
  );

  it("groups 3000000000, liveGroups 2147483648, bandwidth beyond numeric(14,3) → 400 naming each", async () => {
    expectFieldError(
      await call(dailyPost, { key: c.apiKey, body: record({ groups: 3_000_000_000 }) }),
      "records.0.groups",
    );
    expectFieldError(
      await call(dailyPost, { key: c.apiKey, body: record({ liveGroups: 2_147_483_648 }) }),
      "records.0.liveGroups",
    );
    expectFieldError(
      await call(dailyPost, { key: c.apiKey, body: record({ bandwidthMbps: { domestic: 1e15, international: 0 } }) }),
      "records.0.bandwidthMbps.domestic",
    );
    expectFieldError(
      await call(dailyPost, { key: c.apiKey, body: record({ bandwidthMbps: { domestic: 0, international: 1e300 } }) }),
      "records.0.bandwidthMbps.international",
    );
  });

  it("a login instant in year 0000 → 400 naming events.0.at", async () => {
    expectFieldError(
      await call(loginsPost, {
        key: c.apiKey,
        body: { events: [{ sdkAppId, userId: "u", at: "0000-01-01T00:00:00Z" }] },
      }),
      "events.0.at",
    );
  });

  it("R-MONEY-1: top-up of 999999999999.99 onto a non-empty balance → 400 naming `cash`, nothing posted", async () => {
    const before = (await ledgerRows(c.accountId)).length;
    expectFieldError(
      await call(topupPost, {
        key: op.key,
        params: { id: c.accountId },
        body: { cash: "999999999999.99", note: "too much" },
      }),
      "cash",
    );
    expectFieldError(
      await call(topupPost, {
        key: op.key,
        params: { id: c.accountId },
        body: { gift: "999999999999.99", note: "too much" },
      }),
      "gift",
    );
    expect((await ledgerRows(c.accountId)).length).toBe(before);
  });
});

describe("issue 8: unknown paths and oversized bodies", () => {
  it("an unknown /api/v1 path → JSON 404 not_found (any method)", async () => {
    for (const h of [catchAllGet, catchAllPost]) {
      const r = await call(h, {
        key: c.apiKey,
        path: "/api/v1/no/such/thing",
        params: { path: ["no", "such", "thing"] },
      });
      expect(r.status).toBe(404);
      expect(r.headers.get("content-type")).toMatch(/application\/json/);
      expect(r.json.error.code).toBe("not_found");
    }
  });

  it("the largest valid request (10,000 login events, longest user ids, indented) fits MAX_BODY_BYTES, parses", () => {
    const userId = "\u{1F600}".repeat(MAX_USER_ID);
    const events = Array.from({ length: MAX_LOGIN_EVENTS }, () => ({
      sdkAppId: "9999999999",
      userId,
      at: "2026-12-31T23:59:59.999999+08:00",
    }));
    expect(loginsSchema.safeParse({ events }).success).toBe(true);
    const bytes = Buffer.byteLength(JSON.stringify({ events }, null, 2));
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it("a body over MAX_BODY_BYTES → 413 before parsing, also without or with a lying Content-Length", async () => {
    const big = `{"events":[${"1".repeat(MAX_BODY_BYTES)}]}`;
    const r = await call(loginsPost, { key: c.apiKey, body: big });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("payload_too_large");
    // A streamed body with no Content-Length, and one that claims to be small.
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(ctl) {
          const chunk = new Uint8Array(1024 * 1024).fill(0x20);
          for (let i = 0; i < Math.ceil(MAX_BODY_BYTES / chunk.length) + 1; i++) ctl.enqueue(chunk);
          ctl.close();
        },
      });
    const noLength = new Request("http://localhost/api/v1/usage/logins", {
      method: "POST",
      body: stream(),
      duplex: "half",
    } as RequestInit);
    await expect(readBodyCapped(noLength)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    const lying = new Request("http://localhost/api/v1/usage/logins", {
      method: "POST",
      body: stream(),
      headers: { "content-length": "10" },
      duplex: "half",
    } as RequestInit);
    await expect(readBodyCapped(lying)).rejects.toMatchObject({ code: "payload_too_large" });
    const ok = new Request("http://localhost/x", { method: "POST", body: '{"a":1}' });
    expect(await readBodyCapped(ok)).toBe('{"a":1}');
  });
});
