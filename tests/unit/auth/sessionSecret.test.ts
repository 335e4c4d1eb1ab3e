import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sessionSecret, StartupError } from "@/lib/auth/sessionSecret";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "secret-"));

describe("the session secret", () => {
  it("is NEXTAUTH_SECRET when set, with or without REDIS_URL", () => {
    expect(sessionSecret({ NEXTAUTH_SECRET: "s3cret", REDIS_URL: "redis://r" }, tmp())).toBe("s3cret");
  });

  it("is generated once into the data dir for a single process, and kept", () => {
    const dir = tmp();
    const first = sessionSecret({}, dir);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(path.join(dir, "nextauth-secret"), "utf8")).toBe(first);
    expect(sessionSecret({}, dir)).toBe(first);
  });

  it("refuses to start several processes (REDIS_URL) without a shared NEXTAUTH_SECRET, saying what to set", () => {
    const dir = tmp();
    expect(() => sessionSecret({ REDIS_URL: "redis://r" }, dir)).toThrow(StartupError);
    expect(() => sessionSecret({ REDIS_URL: "redis://r" }, dir)).toThrow(/NEXTAUTH_SECRET must be set when REDIS_URL is/);
  });
});
