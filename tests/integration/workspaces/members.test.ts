import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/signUp";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { acceptInvite, previewInvite } from "@/lib/workspaces/acceptInvite";
import { createWorkspace, slugify } from "@/lib/workspaces/createWorkspace";
import { inviteMember } from "@/lib/workspaces/inviteMember";
import { listInvites, listMembers } from "@/lib/workspaces/listMembers";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";
import { changeRole, removeMember, revokeInvite } from "@/lib/workspaces/manageMembers";
import { ctxFor, makeUser, makeWorkspace, testDb, unique } from "../../support/db";

function tokenOf(path: string | undefined): string {
  if (!path) throw new Error("the invite answer carries no link");
  return path.split("/").pop()!;
}

describe("invites", () => {
  it("stores only a hash of the link's token, and lists pending invites without their link", async () => {
    const ws = await makeWorkspace();
    const email = `${unique("hash")}@example.test`;
    const { invite } = await inviteMember(ctxFor(ws.owner), { slug: ws.slug, email, role: "viewer" });
    const token = tokenOf(invite.path);
    const row = await testDb().invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // the hash itself opens nothing
    await expect(previewInvite(testDb(), { token: row.tokenHash })).rejects.toBeInstanceOf(NotFound);
    const pending = await listInvites(ctxFor(ws.owner), { slug: ws.slug });
    expect(pending.find((i) => i.id === invite.id)).not.toHaveProperty("path");
  });

  it("lets an invited person sign up straight into the workspace with the invited role", async () => {
    const ws = await makeWorkspace();
    const email = `${unique("bob")}@example.test`;
    const { invite, emailed } = await inviteMember(ctxFor(ws.owner), { slug: ws.slug, email, role: "editor" });
    expect(emailed).toBe(false); // no SMTP configured in tests
    expect(await previewInvite(testDb(), { token: tokenOf(invite.path) })).toMatchObject({ email, role: "editor" });

    const signedUp = await signUp(testDb(), { name: "Bob", email, password: "password-123", inviteToken: tokenOf(invite.path) });
    if (signedUp.status !== "created") throw new Error("expected the account to be created");
    const { actor, workspace } = signedUp;
    expect(workspace).toMatchObject({ slug: ws.slug, role: "editor" });
    expect(await listWorkspaces(ctxFor(actor))).toHaveLength(1); // no workspace of their own
    const members = await listMembers(ctxFor(ws.owner), { slug: ws.slug });
    expect(members.map((m) => [m.email, m.role])).toContainEqual([email, "editor"]);
    await expect(previewInvite(testDb(), { token: tokenOf(invite.path) })).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses to invite an address that already belongs to a member", async () => {
    const ws = await makeWorkspace(["editor"]);
    const editor = ws.members.editor[0]!;
    const error = await inviteMember(ctxFor(ws.owner), { slug: ws.slug, email: editor.email.toUpperCase(), role: "viewer" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Error).message).toContain("already a member");
    expect(await listInvites(ctxFor(ws.owner), { slug: ws.slug })).toHaveLength(0);
  });

  it("lets admins invite editors but not admins, and editors invite nobody", async () => {
    const ws = await makeWorkspace(["admin", "editor"]);
    const admin = ctxFor(ws.members.admin[0]!);
    await expect(inviteMember(admin, { slug: ws.slug, email: `${unique("e")}@example.test`, role: "editor" })).resolves.toBeTruthy();
    await expect(inviteMember(admin, { slug: ws.slug, email: `${unique("a")}@example.test`, role: "admin" })).rejects.toBeInstanceOf(Forbidden);
    await expect(inviteMember(ctxFor(ws.members.editor[0]!), { slug: ws.slug, email: `${unique("v")}@example.test`, role: "viewer" })).rejects.toBeInstanceOf(Forbidden);
  });

  it("accepts only for the invited email; a revoked invite is gone", async () => {
    const ws = await makeWorkspace();
    const intended = await makeUser("Intended");
    const stranger = await makeUser("Stranger");
    const { invite } = await inviteMember(ctxFor(ws.owner), { slug: ws.slug, email: intended.email, role: "viewer" });
    await expect(acceptInvite(ctxFor(stranger), { token: tokenOf(invite.path) })).rejects.toBeInstanceOf(Forbidden);
    await revokeInvite(ctxFor(ws.owner), { slug: ws.slug, inviteId: invite.id });
    await expect(acceptInvite(ctxFor(intended), { token: tokenOf(invite.path) })).rejects.toBeInstanceOf(NotFound);
  });

  it("renews rather than duplicates a pending invite to the same address", async () => {
    const ws = await makeWorkspace();
    const email = `${unique("twice")}@example.test`;
    const first = await inviteMember(ctxFor(ws.owner), { slug: ws.slug, email, role: "viewer" });
    const second = await inviteMember(ctxFor(ws.owner), { slug: ws.slug, email, role: "editor" });
    const pending = await listInvites(ctxFor(ws.owner), { slug: ws.slug });
    expect(pending.map((i) => i.id)).toEqual([second.invite.id]);
    await expect(previewInvite(testDb(), { token: tokenOf(first.invite.path) })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("roles and removal", () => {
  it("changes a role and records who did it", async () => {
    const ws = await makeWorkspace(["editor"]);
    const editor = ws.members.editor[0]!;
    const updated = await changeRole(ctxFor(ws.owner), { slug: ws.slug, userId: editor.userId, role: "viewer" });
    expect(updated.role).toBe("viewer");
    const entry = await testDb().activity.findFirstOrThrow({ where: { workspaceId: ws.id, kind: "member.roleChanged" } });
    expect(entry).toMatchObject({ actorId: ws.owner.userId, subjectId: editor.userId, data: { from: "editor", to: "viewer" } });
  });

  it("never leaves a workspace without an owner", async () => {
    const ws = await makeWorkspace(["admin"]);
    await expect(removeMember(ctxFor(ws.owner), { slug: ws.slug, userId: ws.owner.userId })).rejects.toBeInstanceOf(Forbidden);
    await expect(changeRole(ctxFor(ws.members.admin[0]!), { slug: ws.slug, userId: ws.owner.userId, role: "viewer" })).rejects.toBeInstanceOf(Forbidden);
    expect((await listMembers(ctxFor(ws.owner), { slug: ws.slug })).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("removes a member, who then cannot see the workspace", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const viewer = ws.members.viewer[0]!;
    await removeMember(ctxFor(ws.owner), { slug: ws.slug, userId: viewer.userId });
    await expect(listMembers(ctxFor(viewer), { slug: ws.slug })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("workspace isolation", () => {
  it("answers NotFound to outsiders for every workspace operation, revealing nothing", async () => {
    const ws = await makeWorkspace(["editor"]);
    const outsider = ctxFor(await makeUser("Outsider"));
    const target = ws.members.editor[0]!.userId;
    const attempts = [
      () => listMembers(outsider, { slug: ws.slug }),
      () => listInvites(outsider, { slug: ws.slug }),
      () => inviteMember(outsider, { slug: ws.slug, email: `${unique("x")}@example.test`, role: "viewer" }),
      () => changeRole(outsider, { slug: ws.slug, userId: target, role: "owner" }),
      () => removeMember(outsider, { slug: ws.slug, userId: target }),
      () => listMembers(outsider, { slug: "no-such-workspace" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFound);
    expect((await listMembers(ctxFor(ws.owner), { slug: ws.slug })).find((m) => m.userId === target)?.role).toBe("editor");
  });

  it("creates further workspaces with distinct slugs and lists only the actor's own", async () => {
    const me = ctxFor(await makeUser("Switcher"));
    const a = await createWorkspace(me, { name: "Platform Team" });
    const b = await createWorkspace(me, { name: "Platform Team" });
    expect(a.slug).not.toBe(b.slug);
    expect((await listWorkspaces(me)).map((w) => w.slug)).toEqual([a.slug, b.slug]);
  });
});

describe("creating workspaces", () => {
  it("gives two people with the same first name who sign up at the same moment a workspace each", async () => {
    const name = unique("Wren");
    const results = await Promise.all(
      [1, 2, 3].map((i) => signUp(testDb(), { name, email: `${unique(`wren${i}`)}@example.test`, password: "password-123" })),
    );
    const slugs = results.map((r) => (r.status === "created" ? r.workspace.slug : r.status));
    expect(new Set(slugs).size).toBe(3);
    expect(slugs).toContain(slugify(`${name}'s workspace`));
  });

  it("takes the name's own slug when free and a suffixed one when taken", async () => {
    const user = await makeUser();
    const name = `${unique("Team")} space`;
    const first = await createWorkspace(ctxFor(user), { name });
    const second = await createWorkspace(ctxFor(user), { name });
    expect(first.slug).toBe(slugify(name));
    expect(second.slug).toMatch(new RegExp(`^${slugify(name)}-[0-9a-f]{6}$`));
    expect((await listWorkspaces(ctxFor(user))).map((w) => w.slug)).toEqual(expect.arrayContaining([first.slug, second.slug]));
  });
});
