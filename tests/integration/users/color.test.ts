import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { setPersonColor } from "@/lib/users/color";
import { listMembers } from "@/lib/workspaces/listMembers";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

describe("a person's colour", () => {
  it("is stored as chosen, listed with the members, and goes back to the derived one with null", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const viewer = ws.members.viewer[0]!;
    expect(await setPersonColor(ctxFor(viewer), { color: "#0f766e" })).toEqual({ color: "#0f766e" });
    const members = await listMembers(ctxFor(ws.owner), { slug: ws.slug });
    expect(members.find((m) => m.userId === viewer.userId)!.color).toBe("#0f766e");
    expect(members.find((m) => m.userId === ws.owner.userId)!.color).toBeNull();
    await setPersonColor(ctxFor(viewer), { color: null });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: viewer.userId } })).color).toBeNull();
  });

  it("must be one of the palette's, and a refused one changes nothing", async () => {
    const ws = await makeWorkspace();
    await setPersonColor(ctxFor(ws.owner), { color: "#db2777" });
    for (const color of ["#123456", "red", "", "#DB2777"]) {
      await expect(setPersonColor(ctxFor(ws.owner), { color: color as "#db2777" })).rejects.toBeInstanceOf(ZodError);
    }
    expect((await testDb().user.findUniqueOrThrow({ where: { id: ws.owner.userId } })).color).toBe("#db2777");
  });
});
