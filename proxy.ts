import { NextResponse, type NextRequest } from "next/server";
import { HSTS, isHttps, pageCsp } from "@/lib/http/security-headers";

/**
 * Coarse gate only: console pages need a session cookie, else go to /login. Every page, action and
 * route still checks the session or key and the permission table on the server.
 * Every page also gets a fresh CSP nonce (lib/http/security-headers.ts); API routes are not matched
 * (their headers come from next.config.mjs, and their bodies are never buffered here).
 */
const PUBLIC = ["/login", "/calculator", "/agreement"];

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const https = isHttps(req.nextUrl, req.headers.get("x-forwarded-proto"));
  const isPublic = PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = req.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  let res: NextResponse;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  if (isPublic || hasSession) {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    res = NextResponse.next({ request: { headers } });
  } else {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    res = NextResponse.redirect(url);
  }
  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

export const config = { matcher: ["/((?!_next/|favicon.ico|icon.svg|api/).*)"] };
