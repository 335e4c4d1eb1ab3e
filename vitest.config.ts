import path from "node:path";
import { defineConfig } from "vitest/config";
import SlowFirst from "./tests/support/slowFirst.ts";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    // the slowest files start first (tests/support/slowFirst.ts)
    sequence: { sequencer: SlowFirst },
    projects: [
      {
        resolve: { alias },
        // pure computation: one worker per core. Files share their worker's modules (no fresh
        // module graph per file): loading it again for each file was 40% of the CPU
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", maxWorkers: "100%", isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // three files at a time, after the unit tests, each worker on a database of its own
          // (tests/support/setupEnv.ts): some files count rows across it ("writes nothing"); the
          // files that start servers on fixed ports use different ones. Several files mostly wait
          // (an app starting and stopping, processes of a cluster): with two at a time a core
          // sat idle while they did (with three, 313 s for 2,312 tests on a quiet 2-core machine)
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
          // the files of one worker share its modules (one Prisma client, one collaboration
          // server…) rather than loading them again per file, which cost a third of the CPU;
          // a file that changes process.env puts it back
          isolate: false,
          environment: "node",
          globalSetup: ["tests/support/globalSetup.ts"],
          setupFiles: ["tests/support/setupEnv.ts", "tests/support/oneQueryAtATime.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { NODE_ENV: "test" },
        },
      },
    ],
  },
});
