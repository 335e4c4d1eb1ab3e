import { describe, expect, it } from "vitest";
import { signUp, DUPLICATE_EMAIL } from "@/lib/auth/signUp";
import { Conflict } from "@/lib/errors";
import { testDb, unique } from "../../support/db";
import { signUpNow } from "./support";

const password = "correct horse battery";

describe("signUp", () => {
  it("creates the user with a hashed password and a workspace they own", async () => {
    const email = `${unique("ada")}@example.test`;
    const { actor, workspace } = await signUpNow({ name: "Ada Lovelace", email, password });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: actor.userId }, omit: { passwordHash: false } });
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
