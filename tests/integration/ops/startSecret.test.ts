import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("npm start with REDIS_URL", () => {
  it("refuses to start without NEXTAUTH_SECRET, says what to set, and starts nothing", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "specwright-secret-"));
    const env: NodeJS.ProcessEnv = { ...process.env, SPECWRIGHT_DATA_DIR: dataDir, REDIS_URL: "redis://127.0.0.1:3439", SPECWRIGHT_SKIP_BUILD: "1", PORT: "3438" };
    delete env.NEXTAUTH_SECRET;
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, encoding: "utf8", timeout: 60_000 });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Specwright cannot start: NEXTAUTH_SECRET must be set when REDIS_URL is");
    // no per-process secret was made up, no database started
    expect(existsSync(path.join(dataDir, "nextauth-secret"))).toBe(false);
    expect(existsSync(path.join(dataDir, "postgres"))).toBe(false);
  });
});
