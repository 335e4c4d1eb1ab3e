// npm test — every suite: the typecheck beside the lint, the unit and integration tests
// (Vitest, real PostgreSQL), the production build, the end-to-end tests (Playwright,
// Chromium) and the cluster tests (three app processes behind HAProxy with
// Redis and one PostgreSQL; Playwright).
// Ends with one line `N passed, N failed` summed over all suites; exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  seconds: number;
}

const tallies: Tally[] = [];
/** Every failed test by name, repeated just above the summary so a short log still names them. */
const failures: string[] = [];

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; file: string; line: number; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

/** The first lines of a failure's message, indented under its name. */
function why(message: string | undefined): string {
  const lines = (message ?? "").split("\n").filter((line) => line.trim() && !/^\s+at /.test(line));
  return lines.slice(0, 12).map((line) => `      ${line.slice(0, 300)}`).join("\n");
}

function playwrightFailures(suite: string, suites: PlaywrightSuite[] | undefined): void {
  for (const s of suites ?? []) {
    for (const spec of s.specs ?? []) {
      const status = spec.tests.map((t) => t.status);
      if (status.includes("unexpected")) failures.push(`${suite}: ${spec.file}:${spec.line} › ${spec.title}`);
      else if (status.includes("flaky")) failures.push(`${suite} (passed on retry): ${spec.file}:${spec.line} › ${spec.title}`);
    }
    playwrightFailures(suite, s.suites);
  }
}
const scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-test-run-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): { ok: boolean; seconds: number } {
  const started = Date.now();
  console.log(`\n▶ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

interface Step {
  suite: string;
  command: string;
  args: string[];
  extraEnv?: Record<string, string>;
}

/**
 * Steps run side by side (the typecheck and the lint each keep one core busy). Each one's
 * output is printed whole once every step has ended, so theirs never interleave.
 */
async function sideBySide(steps: Step[]): Promise<{ ok: boolean; seconds: number }[]> {
  const printLater: (() => void)[] = [];
  const results = await Promise.all(
    steps.map(
      ({ command, args, extraEnv = {} }) =>
        new Promise<{ ok: boolean; seconds: number }>((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
          const output: Buffer[] = [];
          child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
          child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
          let settled = false;
          const done = (ok: boolean) => {
            if (settled) return;
            settled = true;
            printLater.push(() => {
              console.log(`\n▶ ${command} ${args.join(" ")}`);
              process.stdout.write(Buffer.concat(output));
            });
            resolve({ ok, seconds: (Date.now() - started) / 1000 });
          };
          child.on("error", (error) => {
            output.push(Buffer.from(`${error.message}\n`));
            done(false);
          });
          child.on("close", (code) => done(code === 0));
        }),
    ),
  );
  for (const print of printLater) print();
  return results;
}

/** Steps that are one check each, side by side: each passes or fails as a whole. */
async function checksSideBySide(steps: Step[]): Promise<boolean[]> {
  const results = await sideBySide(steps);
  results.forEach(({ ok, seconds }, i) => tallies.push({ suite: steps[i]!.suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds }));
  return results.map((r) => r.ok);
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

const bin = (name: string) => path.join("node_modules", ".bin", name);

const generate = run(bin("prisma"), ["generate"], { DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost:5432/specwright" });
if (!generate.ok) {
  tallies.push({ suite: "prisma generate", passed: 0, failed: 1, seconds: generate.seconds });
  console.error("prisma generate failed; nothing else can run.");
} else {
  const [typechecked] = await checksSideBySide([
    { suite: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
    { suite: "lint", command: bin("eslint"), args: ["."] },
  ]);

  const vitestJson = path.join(scratch, "vitest.json");
  const vitest = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  const v = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numTotalTests: number;
    testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
  }>(vitestJson);
  const suiteErrors = v ? v.testResults.filter((t) => t.status === "failed").length : 0;
  for (const file of v?.testResults ?? []) {
    const failedTests = file.assertionResults.filter((a) => a.status === "failed");
    const name = path.relative(process.cwd(), file.name);
    // with the start of why: a property test's counterexample and seed, kept where the run's last lines are read
    for (const a of failedTests) failures.push(`unit + integration: ${name} › ${a.fullName}\n${why(a.failureMessages?.[0])}`);
    if (file.status === "failed" && !failedTests.length) failures.push(`unit + integration: ${name} (did not run: ${(file.message ?? "").split("\n")[0]})`);
  }
  tallies.push({
    suite: "unit + integration",
    passed: v?.numPassedTests ?? 0,
    // a file that failed to load has no failed tests but must still count
    failed: v ? Math.max(v.numFailedTests, vitest.ok ? 0 : 1, v.numFailedTests === 0 && suiteErrors ? suiteErrors : 0) : 1,
    seconds: vitest.seconds,
  });

  // the build checks types again unless the typecheck above just passed, and writes no
  // Turbopack cache (next.config.js). Beside the tests it saved nothing once they kept both
  // cores busy (three integration files at a time)
  const build = run(bin("next"), ["build"], { SPECWRIGHT_BUILD_CACHE: "0", ...(typechecked ? { SPECWRIGHT_TYPECHECKED: "1" } : {}) });
  tallies.push({ suite: "production build", passed: build.ok ? 1 : 0, failed: build.ok ? 0 : 1, seconds: build.seconds });
  if (build.ok) {
    const pwJson = path.join(scratch, "playwright.json");
    // the app's data (its PostgreSQL), removed after the run; a directory of its own in the
    // temp dir (the database's own user must be able to reach it)
    const e2eData = mkdtempSync(path.join(os.tmpdir(), "specwright-e2e-"));
    const e2e = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, E2E_DATA_DIR: e2eData });
    rmSync(e2eData, { recursive: true, force: true });
    const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PlaywrightSuite[] }>(pwJson);
    playwrightFailures("end-to-end", p?.suites);
    tallies.push({
      suite: "end-to-end",
      passed: (p?.stats.expected ?? 0) + (p?.stats.flaky ?? 0),
      failed: p ? Math.max(p.stats.unexpected, e2e.ok ? 0 : 1) : 1,
      seconds: e2e.seconds,
    });
    // passed only on their retry: counted as passed, but named so nobody mistakes them for steady
    if (p?.stats.flaky) console.log(`end-to-end: ${p.stats.flaky} test(s) passed only when retried (marked "flaky" above)`);

    const clusterJson = path.join(scratch, "cluster.json");
    const clusterRun = run(bin("playwright"), ["test", "-c", "playwright.cluster.config.ts", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: clusterJson });
    const c = readJson<{ stats: { expected: number; unexpected: number; flaky: number }; suites?: PlaywrightSuite[] }>(clusterJson);
    playwrightFailures("cluster", c?.suites);
    tallies.push({
      suite: "cluster",
      passed: (c?.stats.expected ?? 0) + (c?.stats.flaky ?? 0),
      failed: c ? Math.max(c.stats.unexpected, clusterRun.ok ? 0 : 1) : 1,
      seconds: clusterRun.seconds,
    });
  }
}

rmSync(scratch, { recursive: true, force: true });
if (failures.length) {
  console.log("\nFailed tests");
  for (const f of failures) console.log(`  ${f}`);
}
console.log("\nSummary");
for (const t of tallies) console.log(`  ${t.suite.padEnd(20)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed  ${t.seconds.toFixed(1)}s`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
