import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { importDocument } from "@/lib/import/importDocument";
import { closeParsePool, parsePoolStats } from "@/lib/import/parsePool";
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

  it("uses workers again once the pool is started with a working file", async () => {
    const ws = await makeWorkspace();
    await importDocument(ctxFor(ws.owner), { slug: ws.slug, markdown: "# Back\n\n## Goals\n" });
    expect((await parsePoolStats()).mode).toBe("workers");
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
