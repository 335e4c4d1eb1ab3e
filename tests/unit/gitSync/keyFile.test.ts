import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitSecretKey } from "@/lib/gitSync/keyFile";
import { secretKey } from "@/lib/secrets/secretBox";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function dataDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "specwright-key-"));
  dirs.push(dir);
  return dir;
}

describe("the key Git credentials are sealed with", () => {
  it("is SPECWRIGHT_SECRET_KEY when set", () => {
    expect(gitSecretKey({ SPECWRIGHT_SECRET_KEY: "given" }, dataDir())).toBe("given");
  });

  it("is made once and kept in the data dir (mode 600) for a single install", () => {
    const dir = dataDir();
    const first = gitSecretKey({}, dir)!;
    expect(secretKey(first)).toHaveLength(32);
    expect(gitSecretKey({}, dir)).toBe(first);
    expect(readFileSync(path.join(dir, "secret-key"), "utf8")).toBe(first);
    expect(statSync(path.join(dir, "secret-key")).mode & 0o777).toBe(0o600);
  });

  it("is not made up per process when several share Redis", () => {
    expect(gitSecretKey({ REDIS_URL: "redis://redis:6379" }, dataDir())).toBeUndefined();
  });
});
