import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/signUp";
import { TooManyRequests } from "@/lib/errors";
import { LIMITS, limit, withinLimit } from "@/lib/limits/limit";
import { testDb, unique } from "../../support/db";

describe("limit", () => {
  it("lets exactly the allowed number through when called all at once, then answers 429 with a retry time", async () => {
    const key = unique("user");
    const results = await Promise.all(Array.from({ length: 40 }, () => limit("pdfExport", key).then(() => "ok", (e: unknown) => e)));
    expect(results.filter((r) => r === "ok")).toHaveLength(LIMITS.pdfExport.points);
    const refused = results.filter((r) => r instanceof TooManyRequests) as TooManyRequests[];
    expect(refused).toHaveLength(40 - LIMITS.pdfExport.points);
    expect(refused[0]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused[0]!.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.pdfExport.seconds);
    await expect(limit("pdfExport", unique("someone-else"))).resolves.toBeUndefined();
  });

  it("is held in the database, so every process sees the same count", async () => {
    const key = unique("user");
    await limit("invite", key);
    const row = await testDb().rateLimit.findUniqueOrThrow({ where: { key: `limit:invite:${key}` } });
    expect(row.points).toBe(1);
    expect(Number(row.expire)).toBeGreaterThan(Date.now());
  });

  it("answers false instead of throwing where the caller must not notice", async () => {
    const address = `${unique("mail")}@example.test`;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await withinLimit("accountMail", address));
    expect(answers).toEqual([true, true, true, false]);
  });

  it("limits sign-ups from one network", async () => {
    await testDb().rateLimit.create({ data: { key: "limit:signUp:198.18.7.0/24", points: LIMITS.signUp.points, expire: BigInt(Date.now() + 60_000) } });
    const error = await signUp(testDb(), { name: "Spam", email: `${unique("spam")}@example.test`, password: "long enough pw" }, "198.18.7.200").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequests);
  });
});
