/** Settings shared by the config, the setup project and the specs (no Playwright imports here). */

/** The operator key the e2e server is started with (playwright.config.ts BOOTSTRAP_OPERATOR_KEY). */
export const OPERATOR_KEY = process.env.E2E_OPERATOR_KEY ?? "imo_e2e-bootstrap-operator-key";

/** Signed-in browser states the setup project (e2e/auth.setup.ts) writes; e2e/.auth/ is not committed. */
export const AUTH = {
  operator: "e2e/.auth/operator.json",
  viewerOwner: "e2e/.auth/viewer-owner.json",
  viewerMember: "e2e/.auth/viewer-member.json",
  viewer: "e2e/.auth/viewer.json",
} as const;

/** A unique suffix so every test makes its own data. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The database the e2e server uses (specs that seed or inspect rows directly): E2E_DATABASE_URL, or the
 * embedded PostgreSQL playwright.config.ts starts. Never DATABASE_URL, which CI points at the machine's
 * PostgreSQL for the unit and integration tests.
 */
export function e2eDatabaseUrl(): string {
  return (
    process.env.E2E_DATABASE_URL ||
    `postgres://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54339"}/im_billing`
  );
}
