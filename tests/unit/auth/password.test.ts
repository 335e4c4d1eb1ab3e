import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";

describe("passwords", () => {
  it("are checked against their hash, and never pass without one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong horse battery", hash)).toBe(false);
    expect(await verifyPassword("not-a-real-password", undefined)).toBe(false);
    expect(await verifyPassword("not-a-real-password", null)).toBe(false);
  });

  it("spend as long on an unknown email as on a known one: the stand-in hash is a real hash of the same cost", async () => {
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(bcrypt.getRounds(await hashPassword("any password")));
    expect(await bcrypt.compare("not-a-real-password", DUMMY_HASH)).toBe(true);
  });
});
