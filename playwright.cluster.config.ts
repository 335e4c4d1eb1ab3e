import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, journeyChromiumPath } from "./tests/support/chromium";

// The cluster suite: one cluster for the whole run (tests/cluster/support/globalSetup.ts:
// PostgreSQL, Redis, three processes of the production build, HAProxy in front), tests one
// after another because several of them stop parts of it. Needs `next build` first.
//   npx playwright test -c playwright.cluster.config.ts
export default defineConfig({
  testDir: "tests/cluster",
  globalSetup: "./tests/cluster/support/globalSetup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "test-results/cluster",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "cluster",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: journeyChromiumPath(), args: CHROMIUM_ARGS } },
    },
  ],
});
