import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { checkLogin, type SessionUser } from "@/lib/services/login";
import { clientAddress } from "@/lib/http/client-address";

const globalForAuth = globalThis as unknown as { __imbSecret?: string };

/** Production refuses to run without AUTH_SECRET; other modes make one per start. */
function secret(): string {
  const given = env.authSecret;
  if (given) return given;
  if (env.appMode === "production") throw new Error("AUTH_SECRET (or NEXTAUTH_SECRET) must be set in production mode");
  globalForAuth.__imbSecret ??= randomBytes(32).toString("base64url");
  return globalForAuth.__imbSecret;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: secret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const r = await checkLogin(credentials.email, credentials.password, clientAddress(req?.headers));
          // The route (app/api/auth/[...nextauth]/route.ts) turns this into 429 with Retry-After.
          if (r.kind === "throttled") throw new Error(`throttled:${r.retryAfterSeconds}`);
          if (r.kind === "invalid") return null;
          return { id: r.user.id, email: r.user.email, name: r.user.name };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid as string | undefined };
      },
    },
  };
}

export type { SessionUser };
