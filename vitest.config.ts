import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // pure computation: one worker per core
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", maxWorkers: "100%" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // one file at a time: files share one PostgreSQL, and some count rows across it
          // ("writes nothing") or start servers on fixed ports
          maxWorkers: 1,
          environment: "node",
          globalSetup: ["tests/support/globalSetup.ts"],
          setupFiles: ["tests/support/setupEnv.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { NODE_ENV: "test" },
        },
      },
    ],
  },
});
