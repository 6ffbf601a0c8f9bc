import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { join } from "node:path";
import { API_CSP, COMMON_HEADERS, HSTS, pageCsp } from "@/lib/http/security-headers";

type Rule = { source: string; has?: unknown[]; headers: { key: string; value: string }[] };
type ConfigModule = { default: { headers: () => Promise<Rule[]> }; API_CSP: string; HSTS: string };
const CONFIG = join(import.meta.dirname, "..", "..", "next.config.mjs");

describe("issue 8: security headers", () => {
  it("pages: a fresh nonce per request, strict-dynamic scripts, no inline script, frame-ancestors 'none'", () => {
    const a = proxy(new NextRequest("http://localhost/login"));
    const b = proxy(new NextRequest("http://localhost/login"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // Next.js reads the nonce from the forwarded request's CSP header
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("a console page without a session redirects to /login, with the CSP; over https also HSTS", () => {
    const r = proxy(new NextRequest("http://localhost/overview", { headers: { "x-forwarded-proto": "https" } }));
    expect(r.status).toBe(307);
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(r.headers.get("strict-transport-security")).toBe(HSTS);
    expect(pageCsp("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("every response: nosniff, Referrer-Policy, X-Frame-Options; API: a deny-all CSP; HSTS over https", async () => {
    const config = (await import(/* @vite-ignore */ CONFIG)) as ConfigModule;
    expect(config.API_CSP).toBe(API_CSP);
    expect(config.HSTS).toBe(HSTS);
    const rules = await config.default.headers();
    const all = rules.find((r) => r.source === "/:path*" && !r.has)!;
    expect(Object.fromEntries(all.headers.map((h) => [h.key, h.value]))).toEqual(COMMON_HEADERS);
    expect(rules.find((r) => r.source === "/api/:path*")!.headers).toEqual([
      { key: "Content-Security-Policy", value: API_CSP },
    ]);
    expect(rules.find((r) => r.has)!.headers).toEqual([{ key: "Strict-Transport-Security", value: HSTS }]);
  });
});
