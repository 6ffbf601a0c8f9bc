/**
 * Issue 8, "never a 500 for bad input": for every handler of every /api/v1 route (found on disk), every
 * field of its valid sample request (path params, query, JSON body) is replaced by hostile values.
 * Always-invalid values (NUL, lone surrogates, objects where a scalar belongs) → 4xx (400 with
 * `details.fields` for query and body fields) and nothing written; any other hostile value → never 5xx,
 * and nothing written unless the answer is 2xx.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/lib/services/apps";
import { SLOW, call, createCustomer, createOperator, type TestCustomer, type TestOperator } from "../helpers";
import { footprint } from "./footprint";
import { allRouteHandlers, SAMPLES, type Fixture, type RouteHandler, type Sample } from "./routes";

type Leaf = { where: "params" | "query" | "body"; path: (string | number)[] };

function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  if (value && typeof value === "object")
    return [path, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  return [path];
}

function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), v);
  return copy;
}

const text = fc.string({ maxLength: 12 });
/** Values no field of any schema accepts. */
const alwaysInvalid = fc.oneof(
  fc.tuple(text, text).map(([a, b]) => `${a}\u0000${b}`),
  fc
    .tuple(text, fc.integer({ min: 0xd800, max: 0xdfff }), text)
    .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`),
  fc.constant({ $gt: "" }),
);
/** Values a careless client or an attacker sends; some fields accept some of them. */
const anyHostile = fc.oneof(
  alwaysInvalid,
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0,
    0.5,
    1e308,
    -1e308,
    2147483648,
    3000000000,
    // biome-ignore lint/correctness/noPrecisionLoss: a client may send it; it must not be taken as 2^53
    9007199254740993,
    Number.MAX_SAFE_INTEGER,
    "",
    " ",
    "\u200b",
    "\u200b\u200c\ufeff",
    "\u3000",
    "\t\n",
    "2027-02-31",
    "2027-04-31",
    "0000-01-01",
    "9999-12-31",
    "2027-13-01",
    "0000-01-01T00:00:00Z",
    "2027-02-31T00:00:00+08:00",
    "999999999999.99",
    "1e5",
    "-0.00",
    "0.001",
    "NaN",
    "Infinity",
    "x".repeat(300),
    `${"a".repeat(250)}@x.example`,
    "'; DROP TABLE accounts; --",
    "%",
    "_",
    "\\",
    "../../etc/passwd",
    [],
    {},
    [1, 2, 3],
    { nested: { deep: [null] } },
  ),
  fc.integer({ min: -(2 ** 31) * 4, max: 2 ** 31 * 4 }),
  fc.double({ noNaN: false }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

let op: TestOperator;
let customer: TestCustomer;
let other: TestCustomer;
let fixture: Fixture;
let handlers: RouteHandler[];

const rows = () => footprint([customer.accountId, other.accountId], [`key:${op.keyId}`, `user:${customer.ownerId}`]);

async function send(h: RouteHandler, s: Sample, mutated: { params?: unknown; query?: unknown; body?: unknown }) {
  const query = (mutated.query ?? s.query) as Record<string, unknown> | undefined;
  const qs =
    query && typeof query === "object"
      ? new URLSearchParams(
          Object.entries(query).map(([k, v]) => [k, typeof v === "string" ? v : (JSON.stringify(v) ?? "")]),
        ).toString()
      : "";
  return call(h.handler as never, {
    method: h.method,
    path: `/api/v1/x${qs ? `?${qs}` : ""}`,
    key: s.key === "operator" ? fixture.operatorKey : fixture.customerKey,
    params: (mutated.params ?? s.params ?? {}) as never,
    ...(("body" in mutated ? mutated.body : s.body) !== undefined
      ? { body: JSON.stringify("body" in mutated ? mutated.body : s.body) }
      : {}),
    headers: s.headers?.() ?? {},
  });
}

beforeAll(async () => {
  op = await createOperator();
  customer = await createCustomer(op, { verified: true, cash: "100000.00", gift: "100.00" });
  other = await createCustomer(op, { verified: true, cash: "50.00" });
  const app = await createApp(customer.actor, { name: "Hostile fixture" });
  fixture = {
    customerKey: customer.apiKey,
    operatorKey: op.key,
    accountId: customer.accountId,
    sdkAppId: app.sdkAppId,
    otherAccountId: other.accountId,
  };
  handlers = await allRouteHandlers();
}, SLOW);

describe("issue 8: hostile input never answers 500", () => {
  it("every /api/v1 handler on disk has a valid sample request in test/hardening/routes.ts", () => {
    const missing = handlers.filter((h) => !SAMPLES[h.id]).map((h) => h.id);
    expect(missing, "add these to SAMPLES in test/hardening/routes.ts").toEqual([]);
    expect(handlers.length).toBeGreaterThanOrEqual(30);
  });

  it("every route: hostile values in each path param, query field and body field → 4xx " +
    "with details.fields or 2xx, never 5xx, nothing written on refusal", async () => {
    for (const h of handlers) {
      const make = SAMPLES[h.id];
      if (!make) continue;
      const s = make(fixture);
      if (s.mutate === "none") {
        const r = await send(h, s, {});
        expect(r.status, h.id).toBe(404);
        expect(r.json.error.code).toBe("not_found");
        continue;
      }
      const targets: Leaf[] = [
        ...Object.keys(s.params ?? {}).map((k) => ({ where: "params" as const, path: [k] })),
        ...Object.keys(s.query ?? {}).map((k) => ({ where: "query" as const, path: [k] })),
        ...(s.body !== undefined ? leaves(s.body).map((path) => ({ where: "body" as const, path })) : []),
      ];
      for (const leaf of targets) {
        const values =
          s.mutate === "invalid-only"
            ? alwaysInvalid.map((v) => ({ v, invalid: true }))
            : fc.oneof(
                alwaysInvalid.map((v) => ({ v, invalid: true })),
                anyHostile.map((v) => ({ v, invalid: false })),
              );
        await fc.assert(
          fc.asyncProperty(values, async ({ v, invalid }) => {
            const before = await rows();
            const base = leaf.where === "params" ? s.params : leaf.where === "query" ? s.query : s.body;
            const mutated = {
              [leaf.where]: setAt(base, leaf.path, leaf.where === "params" && typeof v !== "string" ? String(v) : v),
            };
            const fresh = make(fixture); // fresh headers (idempotency keys) per call
            const r = await send(h, { ...s, headers: fresh.headers }, mutated);
            const answer = `${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`;
            const where = `${h.id} ${leaf.where}.${leaf.path.join(".")} = ${JSON.stringify(v)} → ${answer}`;
            expect(r.status, where).toBeLessThan(500);
            if (r.status >= 400) {
              expect(r.json?.error?.code, where).toEqual(expect.any(String));
              expect(await rows(), `${where}: rows written on a refusal`).toBe(before);
            }
            if (r.status === 400) expect(r.json.error.details?.fields, where).toEqual(expect.any(Object));
            // A query string carries text only, and URL-encoding turns a lone surrogate into U+FFFD.
            // An object where an object belongs (with unknown keys) is fine; where a scalar belongs it is not.
            const original = leaf.path.reduce<any>((o, k) => o?.[k], base);
            const scalarSlot = original === null || typeof original !== "object";
            const refused =
              leaf.where === "query"
                ? typeof v === "string" && v.includes("\u0000")
                : invalid && (typeof v === "string" || scalarSlot);
            if (refused) {
              expect(r.status, where).toBeGreaterThanOrEqual(400);
              if (leaf.where !== "params") expect(r.status, where).toBe(400);
            }
          }),
          { numRuns: s.mutate === "invalid-only" ? 6 : 10 },
        );
      }
    }
  }, 900_000);
});
