import { describe, expect, it } from "vitest";
import { listMembers } from "@/lib/workspaces/listMembers";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

describe("the database client", () => {
  it("reads a person's password hash only where a query asks for it by name", async () => {
    const ws = await makeWorkspace();
    await testDb().user.update({ where: { id: ws.owner.userId }, data: { passwordHash: "$2b$10$not-a-real-hash-but-a-marker" } });
    const rows = await testDb().membership.findMany({ where: { workspaceId: ws.id }, include: { user: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.user).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(rows)).not.toContain("not-a-real-hash");
    expect(JSON.stringify(await listMembers(ctxFor(ws.owner), { slug: ws.slug }))).not.toContain("not-a-real-hash");
    const asked = await testDb().user.findUniqueOrThrow({ where: { id: ws.owner.userId }, omit: { passwordHash: false } });
    expect(asked.passwordHash).toBe("$2b$10$not-a-real-hash-but-a-marker");
  });
});
