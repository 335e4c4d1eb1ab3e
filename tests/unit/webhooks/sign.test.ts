import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSecret, signatureHeader, verifySignature } from "@/lib/webhooks/sign";

const SECRET = "whsec_test";
const BODY = '{"type":"document.approved"}';

describe("webhook signatures", () => {
  it("signs `timestamp.body` with HMAC-SHA256, as receivers recompute it", () => {
    const expected = createHmac("sha256", SECRET).update(`1700000000.${BODY}`).digest("hex");
    expect(signatureHeader(SECRET, 1700000000, BODY)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verifies a fresh signature and refuses another body, another secret, or an old timestamp", () => {
    const now = 1700000000_000;
    const header = signatureHeader(SECRET, 1700000000, BODY);
    expect(verifySignature(SECRET, header, BODY, now)).toBe(true);
    expect(verifySignature(SECRET, header, `${BODY} `, now)).toBe(false);
    expect(verifySignature("whsec_other", header, BODY, now)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, now + 301_000)).toBe(false);
    expect(verifySignature(SECRET, "t=abc,v1=00", BODY, now)).toBe(false);
    expect(verifySignature(SECRET, "", BODY, now)).toBe(false);
  });

  it("makes a different secret every time", () => {
    expect(newSecret()).not.toBe(newSecret());
    expect(newSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
  });
});
