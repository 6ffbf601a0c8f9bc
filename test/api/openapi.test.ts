/**
 * Issue 10, one wire contract: GET /api/v1/openapi.json documents every route of API.md (docs/API.md, the
 * contract's copy in the repository) and every route handler on disk, and real answers of the handlers (one
 * valid request each, test/hardening/routes.ts SAMPLES) validate against the document's answer schemas.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { createApp } from "@/lib/services/apps";
import { SLOW, call, createCustomer, createOperator } from "../helpers";
import { allRouteHandlers, SAMPLES, type Fixture, type RouteHandler } from "../hardening/routes";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

/** "METHOD /path" of every route in API.md's tables ("`POST /apps/{sdkAppId}/stop` · `/start`" is two). */
function apiMdRoutes(markdown: string): string[] {
  const out = new Set<string>();
  for (const row of markdown.split("\n").filter((l) => l.startsWith("| `"))) {
    let method = "";
    let path = "";
    for (const [, code] of row.matchAll(/`([^`]+)`/g)) {
      const full = /^(GET|POST|PUT|PATCH|DELETE) (\/[^\s?]*)/.exec(code!);
      if (full) [method, path] = [full[1]!, full[2]!];
      else if (method && /^\/[\w.-]+$/.test(code!)) path = path.replace(/\/[^/]+$/, code!);
      else continue;
      out.add(`${method} ${path}`);
    }
  }
  return [...out].sort();
}

const docPath = (diskPath: string) => diskPath.replace(/^\/api\/v1/, "").replace(/\[(\w+)\]/g, "{$1}");

let doc: Doc;
let handlers: RouteHandler[];
let fixture: Fixture;

beforeAll(async () => {
  const r = await call(openapiRoute);
  expect(r.status).toBe(200);
  doc = r.json as Doc;
  handlers = (await allRouteHandlers()).filter((h) => !h.path.includes("[..."));
  const op = await createOperator();
  const customer = await createCustomer(op, { verified: true, cash: "100000.00", gift: "100.00" });
  const other = await createCustomer(op, { verified: true, cash: "50.00" });
  const app = await createApp(customer.actor, { name: "OpenAPI fixture" });
  fixture = {
    customerKey: customer.apiKey,
    operatorKey: op.key,
    accountId: customer.accountId,
    sdkAppId: app.sdkAppId,
    otherAccountId: other.accountId,
  };
}, SLOW);

/** The operation's answer schema for `status`, as a zod schema read back from the document's JSON Schema. */
function answerSchema(method: string, path: string, status: number) {
  const content = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content;
  const schema = content?.["application/json"]?.schema;
  if (!schema) return null;
  const local = (s: object) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const $defs = Object.fromEntries(Object.entries(doc.components.schemas).map(([k, v]) => [k, local(v)]));
  return z.fromJSONSchema({ ...local(schema), $defs } as Parameters<typeof z.fromJSONSchema>[0]);
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with every route of API.md", () => {
    expect(doc.openapi).toBe("3.1.0");
    const routes = apiMdRoutes(readFileSync(join(import.meta.dirname, "..", "..", "docs", "API.md"), "utf8"));
    expect(routes.length).toBeGreaterThanOrEqual(40);
    const missing = routes.filter((r) => {
      const [method, path] = r.split(" ") as [string, string];
      return !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(missing, "routes of API.md the document lacks").toEqual([]);
  });

  it("documents every route handler on disk, and nothing that has none", () => {
    const onDisk = handlers.map((h) => `${h.method} ${docPath(h.path)}`).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(onDisk);
  });

  it(
    "real answers of the handlers validate against the document's answer schemas",
    async () => {
      const checked: string[] = [];
      for (const h of handlers) {
        const s = SAMPLES[h.id]?.(fixture);
        if (!s) continue;
        const query = s.query ? `?${new URLSearchParams(s.query)}` : "";
        const r = await call(h.handler, {
          method: h.method,
          key: s.key === "customer" ? fixture.customerKey : fixture.operatorKey,
          params: s.params,
          body: s.body,
          headers: s.headers?.(),
          path: `${h.path}${query}`,
        });
        if (r.status < 200 || r.status >= 300 || r.status === 204 || typeof r.json !== "object") continue;
        const schema = answerSchema(h.method, docPath(h.path), r.status);
        expect(schema, `${h.id} answered ${r.status}, which the document does not describe`).not.toBeNull();
        const parsed = schema!.safeParse(r.json);
        expect(parsed.success, `${h.id}: ${JSON.stringify(parsed.error?.issues)?.slice(0, 600)}`).toBe(true);
        checked.push(h.id);
      }
      expect(checked.length, checked.join("\n")).toBeGreaterThanOrEqual(25);
    },
    SLOW * 2,
  );
});
