import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Unit tests (lib/**) and API/service integration tests (test/**) against a fresh database per run
 * (test/setup/global-db.ts). The Playwright suite in e2e/ is not run here.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // db and services start with `import "server-only"` (a client import fails the Next build); tests are server code
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**", ".data/**"],
    globalSetup: ["test/setup/global-db.ts"],
    setupFiles: ["test/setup/worker-env.ts"],
    pool: "forks",
    fileParallelism: true,
    // Files share a worker's module cache (≈30% faster here). Tests must restore any process.env they
    // change (see test/api/clock.test.ts) and not rely on module mocks staying within their file.
    isolate: false,
    // A 2-core machine: two workers keep the run short without starving PostgreSQL.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
