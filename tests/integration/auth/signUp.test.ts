import { describe, expect, it } from "vitest";
import { signUp, DUPLICATE_EMAIL } from "@/lib/auth/signUp";
import { BAD_CREDENTIALS, verifyCredentials } from "@/lib/auth/verifyCredentials";
import { Conflict, TooManyRequests, Unauthenticated } from "@/lib/errors";
import { testDb, unique } from "../../support/db";

const password = "correct horse battery";

describe("signUp", () => {
  it("creates the user with a hashed password and a workspace they own", async () => {
    const email = `${unique("ada")}@example.test`;
    const { actor, workspace } = await signUp(testDb(), { name: "Ada Lovelace", email, password });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(user.passwordHash).not.toContain(password);
    expect(workspace.role).toBe("owner");
    expect(workspace.name).toBe("Ada's workspace");
    const membership = await testDb().membership.findFirstOrThrow({ where: { userId: actor.userId } });
    expect(membership.role).toBe("owner");
    const activity = await testDb().activity.findMany({ where: { workspaceId: workspace.id } });
    expect(activity.map((a) => a.kind)).toContain("workspace.created");
  });

  it("refuses a second account for the same email, whatever its case, and writes nothing", async () => {
    const email = `${unique("dup")}@example.test`;
    await signUp(testDb(), { name: "First", email, password });
    const usersBefore = await testDb().user.count();
    const workspacesBefore = await testDb().workspace.count();
    const error = await signUp(testDb(), { name: "Second", email: email.toUpperCase(), password }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe(DUPLICATE_EMAIL);
    expect(await testDb().user.count()).toBe(usersBefore);
    expect(await testDb().workspace.count()).toBe(workspacesBefore);
  });
});

describe("verifyCredentials", () => {
  it("signs in with the right password", async () => {
    const email = `${unique("ok")}@example.test`;
    const { actor } = await signUp(testDb(), { name: "Ok", email, password });
    await expect(verifyCredentials(testDb(), { email, password }, "10.0.0.1")).resolves.toEqual(actor);
  });

  it("gives one generic message for a wrong password and for an unknown email", async () => {
    const email = `${unique("wrong")}@example.test`;
    await signUp(testDb(), { name: "W", email, password });
    const wrong = await verifyCredentials(testDb(), { email, password: "nope-nope" }, undefined).catch((e: unknown) => e);
    const unknown = await verifyCredentials(testDb(), { email: `${unique("ghost")}@example.test`, password }, undefined).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(Unauthenticated);
    expect(unknown).toBeInstanceOf(Unauthenticated);
    expect((wrong as Error).message).toBe(BAD_CREDENTIALS);
    expect((unknown as Error).message).toBe(BAD_CREDENTIALS);
  });

  it("refuses with a retry time after five failures for one email, even with the right password", async () => {
    const email = `${unique("locked")}@example.test`;
    await signUp(testDb(), { name: "L", email, password });
    for (let i = 0; i < 5; i++) {
      await expect(verifyCredentials(testDb(), { email, password: `bad-${i}` }, `10.1.0.${i}`)).rejects.toBeInstanceOf(Unauthenticated);
    }
    const error = await verifyCredentials(testDb(), { email, password }, "10.1.0.9").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequests);
    expect((error as TooManyRequests).retryAfterSeconds).toBeGreaterThan(0);
  });
});
