import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerCredential, offersBearer } from "@/lib/apiTokens/bearer";
import { tokenStatus } from "@/lib/apiTokens/present";
import { looksLikeToken, newTokenSecret, TOKEN_PREFIX } from "@/lib/apiTokens/secret";

describe("API token secrets", () => {
  it("start with swt_, carry 256 random bits, and keep only a hash and a short prefix", () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a.secret.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(a.secret.slice(TOKEN_PREFIX.length), "base64url")).toHaveLength(32);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toBe(createHash("sha256").update(a.secret).digest("hex"));
    expect(a.prefix).toBe(a.secret.slice(0, 12));
    expect(looksLikeToken(a.secret)).toBe(true);
  });

  it.each(["", "swt_", `swt_${"a".repeat(42)}`, `swt_${"a".repeat(44)}`, `swx_${"a".repeat(43)}`, `swt_${"a".repeat(42)}!`])("refuses %j before any look-up", (value) => {
    expect(looksLikeToken(value)).toBe(false);
  });
});

describe("a token's status", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  it("is revoked once revoked, expired from its expiry on, active before", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date("2026-12-05T12:00:01Z") }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenStatus({ revokedAt: new Date("2026-12-01T00:00:00Z"), expiresAt: new Date("2026-11-01T00:00:00Z") }, now)).toBe("revoked");
  });
});

describe("the Authorization header", () => {
  it("offers a token only with the Bearer scheme", () => {
    expect(offersBearer("Bearer swt_x")).toBe(true);
    expect(offersBearer("bearer swt_x")).toBe(true);
    expect(offersBearer("Bearer")).toBe(true);
    expect(offersBearer(`Basic ${Buffer.from("staging:pw").toString("base64")}`)).toBe(false);
    expect(offersBearer("Bearerish swt_x")).toBe(false);
    expect(offersBearer(null)).toBe(false);
  });

  it("reads the credential, or nothing from a malformed header", () => {
    expect(bearerCredential("Bearer swt_abc")).toBe("swt_abc");
    expect(bearerCredential("  Bearer \tswt_abc  ")).toBe("swt_abc");
    expect(bearerCredential("Bearer")).toBe("");
    expect(bearerCredential("Bearer a b")).toBe("");
  });
});
