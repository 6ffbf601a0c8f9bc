import { NextResponse, type NextRequest } from "next/server";

/**
 * Coarse gate only: console pages need a session cookie, else go to /login. Every page, action and
 * route still checks the session or key and the permission table on the server.
 */
const PUBLIC = ["/login", "/calculator", "/api/"];

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(p))) return NextResponse.next();
  const hasSession = req.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
