import { describe, expect, it } from "vitest";
import { newSecretKey, open, seal, secretKey, SecretKeyError } from "@/lib/secrets/secretBox";

const key = secretKey(newSecretKey());

describe("sealing credentials", () => {
  it("opens what it sealed, and never stores the plaintext", () => {
    const sealed = seal("ghp_secret-token", "conn-1", key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("ghp_secret-token");
    expect(open(sealed, "conn-1", key)).toBe("ghp_secret-token");
  });

  it("seals the same secret differently each time (a fresh IV)", () => {
    expect(seal("same", "c", key)).not.toBe(seal("same", "c", key));
  });

  it("refuses another key, another connection, or a tampered value", () => {
    const sealed = seal("token", "conn-1", key);
    expect(() => open(sealed, "conn-1", secretKey(newSecretKey()))).toThrow(SecretKeyError);
    expect(() => open(sealed, "conn-2", key)).toThrow(SecretKeyError);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => open(parts.join("."), "conn-1", key)).toThrow(SecretKeyError);
  });

  it("takes a key as 64 hex digits or base64 of 32 bytes, and says what is wrong otherwise", () => {
    expect(secretKey("ab".repeat(32))).toHaveLength(32);
    expect(secretKey(Buffer.alloc(32, 7).toString("base64"))).toHaveLength(32);
    expect(() => secretKey(undefined)).toThrow(/SPECWRIGHT_SECRET_KEY is not set/);
    expect(() => secretKey("short")).toThrow(/32 bytes/);
  });
});
