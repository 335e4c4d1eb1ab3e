import { describe, expect, it } from "vitest";
import { BAD_CREDENTIALS, verifyCredentials } from "@/lib/auth/verifyCredentials";
import { TooManyRequests, Unauthenticated } from "@/lib/errors";
import { testDb, unique } from "../../support/db";
import { signUpNow } from "./support";

const password = "correct horse battery";

/** Writes a counter into the shared store as if `points` attempts had been counted. */
async function usedUp(key: string, points: number, seconds: number): Promise<void> {
  await testDb().rateLimit.create({ data: { key, points, expire: BigInt(Date.now() + seconds * 1000) } });
}

describe("verifyCredentials", () => {
  it("signs in with the right password", async () => {
    const email = `${unique("ok")}@example.test`;
    const { actor } = await signUpNow({ name: "Ok", email, password });
    await expect(verifyCredentials(testDb(), { email, password }, "10.0.0.1")).resolves.toEqual(actor);
  });

  it("gives one generic message for a wrong password and for an unknown email", async () => {
    const email = `${unique("wrong")}@example.test`;
    await signUpNow({ name: "W", email, password });
    const wrong = await verifyCredentials(testDb(), { email, password: "nope-nope" }, undefined).catch((e: unknown) => e);
    const unknown = await verifyCredentials(testDb(), { email: `${unique("ghost")}@example.test`, password }, undefined).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(Unauthenticated);
    expect(unknown).toBeInstanceOf(Unauthenticated);
    expect((wrong as Error).message).toBe(BAD_CREDENTIALS);
    expect((unknown as Error).message).toBe(BAD_CREDENTIALS);
  });

  it("refuses with a retry time after five failures from one address, even with the right password", async () => {
    const email = `${unique("locked")}@example.test`;
    await signUpNow({ name: "L", email, password });
    for (let i = 0; i < 5; i++) {
      await expect(verifyCredentials(testDb(), { email, password: `bad-${i}` }, "10.1.0.1")).rejects.toBeInstanceOf(Unauthenticated);
    }
    const error = await verifyCredentials(testDb(), { email, password }, "10.1.0.1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequests);
    expect((error as TooManyRequests).retryAfterSeconds).toBeGreaterThan(0);
    // the owner elsewhere is not locked out by it
    await expect(verifyCredentials(testDb(), { email, password }, "192.0.2.44")).resolves.toMatchObject({ email });
  });

  it("counts parallel guesses before checking them: of 20 at once, at most 5 are checked", async () => {
    const email = `${unique("burst")}@example.test`;
    await signUpNow({ name: "B", email, password });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => verifyCredentials(testDb(), { email, password: `guess-${i}` }, "10.2.0.1").catch((e: unknown) => e)),
    );
    expect(results.filter((r) => r instanceof Unauthenticated).length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r instanceof TooManyRequests).length).toBeGreaterThanOrEqual(15);
  });

  it("limits a network that rotates addresses, across accounts", async () => {
    // 45 failures from the network already counted (as the shared store holds them)
    await usedUp("signin:net:10.3.0.0/24", 45, 15 * 60);
    const results: unknown[] = [];
    for (let i = 45; i < 55; i++) {
      const email = `${unique("spray")}@example.test`;
      results.push(await verifyCredentials(testDb(), { email, password: "spray-guess" }, `10.3.0.${i + 1}`).catch((e: unknown) => e));
    }
    expect(results.slice(0, 5).every((r) => r instanceof Unauthenticated)).toBe(true);
    expect(results.slice(5).every((r) => r instanceof TooManyRequests)).toBe(true);
  });

  it("stops guesses at one account from many networks, but not its owner's usual network", async () => {
    const email = `${unique("target")}@example.test`;
    await signUpNow({ name: "T", email, password });
    const user = await testDb().user.findUniqueOrThrow({ where: { email } });
    await testDb().userSession.create({ data: { userId: user.id, ip: "192.0.2.10" } });
    // 100 failures for the account already counted, from networks all over
    await usedUp(`signin:account:${email}`, 100, 3600);
    await expect(verifyCredentials(testDb(), { email, password }, "10.200.0.1")).rejects.toBeInstanceOf(TooManyRequests);
    await expect(verifyCredentials(testDb(), { email, password }, "192.0.2.99")).resolves.toMatchObject({ email });
  });
});
