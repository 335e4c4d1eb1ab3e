import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { importDocument } from "@/lib/import/importDocument";
import { closeParsePool, parsePoolStats, warmParsePool } from "@/lib/import/parsePool";
import { getLogger } from "@/lib/observability/logger";
import { ctxFor, makeWorkspace } from "../../support/db";

const dir = mkdtempSync(path.join(os.tmpdir(), "parse-worker-"));

afterEach(async () => {
  delete process.env.PARSE_WORKER_FILE;
  vi.restoreAllMocks();
  await closeParsePool();
});

describe("when parse workers cannot run", () => {
  it.each([
    ["a worker that fails to start", () => {
      const file = path.join(dir, "broken.mjs");
      writeFileSync(file, 'throw new Error("this worker cannot start");\n');
      return file;
    }],
    ["a worker file that is missing", () => path.join(dir, "missing.mjs")],
  ])("imports on the request thread after %s, and logs it", async (_case, workerFile) => {
    await closeParsePool();
    process.env.PARSE_WORKER_FILE = workerFile();
    const logged = vi.spyOn(getLogger(), "error");
    const ws = await makeWorkspace();
    const { document, report } = await importDocument(ctxFor(ws.owner), { slug: ws.slug, markdown: "# Fallback\n\n## Goals\n\nShip it.\n" });
    expect(document.title).toBe("Fallback");
    expect(report.sections.map((s) => s.title)).toEqual(["Goals"]);
    expect((await parsePoolStats()).mode).toBe("in-thread");
    expect(logged.mock.calls.some((call) => /request thread/.test(String(call.at(-1))))).toBe(true);
  }, 120_000);

  // a Ctrl-C soon after the start: the server warms the pool as it starts listening, and a
  // worker takes seconds to load its modules on a busy machine
  it("a shutdown while the worker still loads its modules stops it at once, and logs no failure", async () => {
    await closeParsePool();
    const file = path.join(dir, "slow.mjs");
    writeFileSync(file, "await new Promise((resolve) => setTimeout(resolve, 600_000));\nexport default () => null;\n");
    process.env.PARSE_WORKER_FILE = file;
    const logged = vi.spyOn(getLogger(), "error");
    warmParsePool();
    // the warm-up would wait 60 s for this worker, twice this test's time
    await closeParsePool();
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged).not.toHaveBeenCalled();
    expect((await parsePoolStats()).mode).toBe("idle");
  }, 30_000);

  it("uses workers again once the pool is started with a working file", async () => {
    const ws = await makeWorkspace();
    await importDocument(ctxFor(ws.owner), { slug: ws.slug, markdown: "# Back\n\n## Goals\n" });
    expect((await parsePoolStats()).mode).toBe("workers");
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
