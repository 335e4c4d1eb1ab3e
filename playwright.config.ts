import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, journeyChromiumPath } from "./tests/support/chromium";

// One production server for the run, on its own embedded PostgreSQL in a temp dir.
const port = Number((process.env.E2E_PORT ??= "3107"));
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "specwright-e2e-"));

/** Every project's browser: Desktop Chrome's settings in the journeys' Chromium. */
const CHROMIUM = { ...devices["Desktop Chrome"], launchOptions: { executablePath: journeyChromiumPath(), args: CHROMIUM_ARGS } };

// the files whose journeys take longest (quiet 2-core machine: 35–65 s each), and those
// with journeys of 20–30 s, which otherwise came last, in file order: the run ended with one
// of them alone on one worker while the other had nothing left to do
const LONGEST = /\/(restart|codeBlockEdits|accessibility|cli|routeSweep|xss|review|suggestions|versions|documents|newUserJourney)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  // one retry: a browser journey on a busy 2-core machine can lose a race once; a test that
  // passes only on its retry is reported as flaky, by Playwright and by npm test
  retries: 1,
  timeout: 60_000,
  expect: {
    timeout: 10_000,
    // the reviewed images of looks.spec.ts, one per page and width, beside the tests
    toHaveScreenshot: { pathTemplate: "{testDir}/looks/{arg}{ext}" },
  },
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // a test that fails is run again with a trace recorded. Recording every test cost ~100 s of
    // the run (quiet machine; more under load)
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    // runs first, alone: the server's first requests to each route are its slowest
    // (tests/e2e/firstUser.setup.ts), and no other journey should be timed on them
    {
      name: "first user",
      testMatch: /firstUser\.setup\.ts$/,
      use: CHROMIUM,
    },
    // the longest journeys start first (the project listed first is queued first), so the run
    // does not end with one of them on one worker while the other has nothing left to do
    {
      name: "chromium, longest first",
      testMatch: LONGEST,
      dependencies: ["first user"],
      use: CHROMIUM,
    },
    {
      name: "chromium",
      testIgnore: LONGEST,
      dependencies: ["first user"],
      use: CHROMIUM,
    },
  ],
  webServer: {
    // the app itself, not a wrapper: the shutdown signal reaches the process that stops
    // PostgreSQL, and the test run waits for it (a wrapper exiting first left it running)
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${port}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    // lets the app store open documents and stop its PostgreSQL
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    // the server's warnings and errors (a slow answer, a 500's cause) show in the run's output; E2E_LOG_LEVEL=info
    // or debug shows every request and store
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      SPECWRIGHT_DATA_DIR: process.env.E2E_DATA_DIR,
      NEXTAUTH_URL: `http://localhost:${port}`,
      // lets the rate-limit test act from its own address without locking out the others
      TRUST_PROXY: "1",
      // the webhook journey's receiver listens on loopback; deliveries go out within a second
      WEBHOOK_ALLOW_PRIVATE: "1",
      WEBHOOK_POLL_SECONDS: "1",
      // the Git sync journey's repository is a bare repository in a temporary folder
      GIT_SYNC_ALLOW_LOCAL: "1",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    },
  },
});
