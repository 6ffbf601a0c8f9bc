import "./db/server-only-off";
import { chromium, defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/chromium";

/** Specs that move the test clock (POST /admin/clock): the "clock" project runs them last. */
const CLOCK_SPECS = /clock\.spec\.ts$/;

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** The system's Chromium (no download here), or Playwright's own when installed; else one line and exit. */
function chromiumPath(): string | undefined {
  let bundledPath: string | undefined;
  try {
    bundledPath = chromium.executablePath();
  } catch {
    bundledPath = undefined;
  }
  const choice = findChromium({ envPath: process.env.PLAYWRIGHT_CHROMIUM_PATH, bundledPath });
  if (choice.kind === "missing") {
    console.error(choice.message);
    process.exit(1);
  }
  return choice.kind === "path" ? choice.path : undefined;
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // Every test has its own account (e2e/seed.ts), so tests run in parallel; E2E_WORKERS=1 runs them one by one.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // A flaky test is fixed where it flakes, not retried.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Logs each role in once and saves its state to e2e/.auth/ (e2e/auth.setup.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testIgnore: CLOCK_SPECS,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"] },
    },
    // Specs that move the one test clock every account shares run after all others, one at a time.
    {
      name: "clock",
      testMatch: CLOCK_SPECS,
      dependencies: ["chromium"],
      fullyParallel: false,
      workers: 1,
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  // The server starts the way `npm start` does: embedded PostgreSQL (fresh each run) unless E2E_DATABASE_URL is given.
  webServer: {
    command: "node_modules/.bin/tsx db/launch.ts start",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      APP_MODE: "test",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      EMBEDDED_PG_DIR: ".data/e2e-pg",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      EMBEDDED_PG_FRESH: "1",
      // The request log (one JSON line per request) would drown the test report.
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      // Specs that make their own accounts call the operator API with this key (e2e/fixtures.ts OPERATOR_KEY).
      BOOTSTRAP_OPERATOR_KEY: process.env.E2E_OPERATOR_KEY ?? "imo_e2e-bootstrap-operator-key",
    },
  },
});
