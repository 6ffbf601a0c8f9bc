/**
 * Issue 11: the hot API paths served in front of Next (lib/http/fast-api.ts) answer through the route
 * files' own handlers, with the headers Next adds to every API answer; anything else is left to Next.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_CSP, COMMON_HEADERS, HSTS } from "@/lib/http/security-headers";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { findRoute, serveFast } from "@/lib/http/fast-api";
import { POST as quoteRoute } from "@/app/api/v1/quotes/route";
import { POST as orderRoute } from "@/app/api/v1/orders/route";
import { createApp } from "@/lib/services/apps";
import { createCustomer, createOperator, type TestCustomer } from "../helpers";

let server: Server;
let base: string;
let c: TestCustomer;
let sdkAppId: number;

beforeAll(async () => {
  // Next's place: every request the fast layer leaves alone is answered 599 here.
  server = createServer((req, res) => {
    if (!serveFast(req, res)) res.writeHead(599).end("next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  c = await createCustomer(await createOperator(), { verified: true, cash: "10000.00" });
  sdkAppId = (await createApp(c.actor, { name: "fast" })).sdkAppId;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const plan = () => JSON.stringify({ type: "plan", sdkAppId, edition: "pro", months: 1, agreeSla: true });
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${c.apiKey}`, "content-type": "application/json", ...headers },
    body,
  });

describe("fast API layer (issue 11)", () => {
  it("GET /api/health: the route's answer with nosniff, the API CSP and Next's vary; no HSTS over http", async () => {
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
    for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(r.headers.get(k)).toBe(v);
    expect(r.headers.get("content-security-policy")).toBe(API_CSP);
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(r.headers.get("vary")).toContain("rsc");
    expect(r.headers.get("strict-transport-security")).toBeNull();
  });

  it("POST /quotes answers what the route answers; a bad key is API.md's 401, with HSTS behind https", async () => {
    const r = await post("/api/v1/quotes", plan());
    expect(r.status).toBe(200);
    const direct = await quoteRoute(
      new Request("http://x/api/v1/quotes", {
        method: "POST",
        headers: { authorization: `Bearer ${c.apiKey}` },
        body: plan(),
      }),
    );
    const [a, b] = [await r.json(), await direct.json()];
    expect({ ...a, lines: a.lines.map((l: object) => ({ ...l, periodStart: 0, periodEnd: 0 })) }).toEqual({
      ...b,
      lines: b.lines.map((l: object) => ({ ...l, periodStart: 0, periodEnd: 0 })),
    });
    const bad = await post("/api/v1/quotes", plan(), { authorization: "Bearer nope", "x-forwarded-proto": "https" });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe("unauthorized");
    expect(bad.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("POST /orders: 201, then the same Idempotency-Key replays with its header; malformed JSON is a 400", async () => {
    const key = "fast-api-order-key-0001";
    const first = await post("/api/v1/orders", plan(), { "idempotency-key": key });
    expect(first.status).toBe(201);
    const again = await post("/api/v1/orders", plan(), { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json()).id).toBe((await first.json()).id);
    const broken = await post("/api/v1/orders", "{", { "idempotency-key": "fast-api-order-key-0002" });
    expect(broken.status).toBe(400);
    expect(orderRoute).toBe(findRoute("POST", "/api/v1/orders")!.handler);
  });

  it("entitlement checks take the app id from the path; an unknown app is a 404", async () => {
    const body = JSON.stringify({ action: "create_group", current: { groups: 1, newGroupsToday: 0 } });
    const ok = await post(`/api/v1/apps/${sdkAppId}/entitlements/check`, body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveProperty("allowed");
    const missing = await post("/api/v1/apps/1399999999/entitlements/check", body);
    expect(missing.status).toBe(404);
  });

  it("bodies are read by the fast layer with the same cap and UTF-8 check as through Next", async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await post("/api/v1/usage/logins", big.toString());
    expect([declared.status, (await declared.json()).error.code]).toEqual([413, "payload_too_large"]);
    // No Content-Length (a streamed body): counted as it arrives.
    const streamed = await fetch(`${base}/api/v1/usage/logins`, {
      method: "POST",
      headers: { authorization: `Bearer ${c.apiKey}`, "content-type": "application/json" },
      body: new Blob([big]).stream(),
      // @ts-expect-error Node's fetch needs `duplex` for a streamed body (not yet in the DOM types)
      duplex: "half",
    });
    expect([streamed.status, (await streamed.json()).error.code]).toEqual([413, "payload_too_large"]);
    const latin1 = await post("/api/v1/quotes", Buffer.from([0x7b, 0xff, 0x7d]) as unknown as string);
    expect(latin1.status).toBe(400);
    expect((await latin1.json()).error.details.fields.body).toBe("must be UTF-8 text");
  });

  it("a Host header that is no host name does not break reading the query (GET /orders)", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/api/v1/orders?type=plan`, {
        headers: { host: "bad host", authorization: `Bearer ${c.apiKey}` },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it("other methods, other paths, trailing slashes and nested paths are left to Next", async () => {
    expect((await fetch(`${base}/api/v1/quotes`, { method: "PUT" })).status).toBe(599);
    expect((await fetch(`${base}/api/health`, { method: "HEAD" })).status).toBe(599);
    expect((await fetch(`${base}/api/health/`)).status).toBe(599);
    expect((await fetch(`${base}/api/v1/apps`)).status).toBe(599);
    expect((await fetch(`${base}/login`)).status).toBe(599);
    expect(findRoute("POST", "/api/v1/apps/1/2/entitlements/check")).toBeNull();
    expect((await fetch(`${base}/api/health?probe=1`)).status).toBe(200);
  });
});
