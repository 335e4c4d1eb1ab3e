import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-convert-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it, with no DATABASE_URL; `noDatabase` makes loading lib/db fail. */
function cli(args: string[], { noDatabase = false, input }: { noDatabase?: boolean; input?: string } = {}): Promise<Run> {
  const { DATABASE_URL: _none, ...env } = process.env;
  const hooks = noDatabase ? ["--import", path.resolve("tests/support/noDatabase.mjs")] : [];
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["--import", "tsx", ...hooks, "scripts/specwright.ts", ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

const DOC = "# Payments ledger\n\n## Context\n\nWe keep **every** entry.\n\n- one\n- two\n";

describe("specwright convert", () => {
  it("prints a file as it would be exported, and converting that again changes nothing", async () => {
    const file = path.join(scratch, "ledger.md");
    writeFileSync(file, DOC);
    const first = await cli(["convert", file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("## Context");
    expect(first.stdout).toContain("We keep **every** entry.");
    const again = await cli(["convert", "-"], { input: first.stdout });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it("runs without loading the database client", async () => {
    const file = path.join(scratch, "plain.md");
    writeFileSync(file, DOC);
    const run = await cli(["convert", file], { noDatabase: true });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("We keep **every** entry.");
    // the guard itself works: a command that needs the database trips it
    const guarded = await cli(["import", file, "--workspace", "x", "--database"], { noDatabase: true });
    expect(guarded.code).toBe(1);
    expect(guarded.stderr).toContain("the database module was loaded");
    // nor do the server commands
    const status = await cli(["status", scratch], { noDatabase: true });
    expect([status.code, status.stderr]).toEqual([1, expect.stringContaining("holds no pulled documents")]);
  });

  it("answers usage mistakes with 2 and an unreadable file with 1, saying what is wrong", async () => {
    const none = await cli(["convert"], { noDatabase: true });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("convert needs a file");
    const missing = await cli(["convert", path.join(scratch, "nowhere.md")], { noDatabase: true });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nowhere\.md/);
  });
});
