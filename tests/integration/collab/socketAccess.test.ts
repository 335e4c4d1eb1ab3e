import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { publishAccessChange } from "@/lib/access/accessEvents";
import { startSession } from "@/lib/auth/sessions";
import { revokeSession } from "@/lib/auth/revokeSessions";
import { bodyName, sectionOrder } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { deleteDocument } from "@/lib/documents/documents";
import { listTemplates } from "@/lib/templates/templates";
import { changeRole, removeMember } from "@/lib/workspaces/manageMembers";
import { connect, sessionCookie, startCollabServer, TEST_SECRET, waitFor } from "../../support/collab";
import { watch } from "../../support/collabWatch";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

async function openDocument(role: "editor" | "viewer") {
  const ws = await makeWorkspace([role]);
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  const member = ws.members[role][0]!;
  const owner = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
  const other = connect(server.url, doc.id, await sessionCookie(member.userId));
  expect(await Promise.all([owner.ready, other.ready])).toEqual([true, true]);
  return { ws, ctx, doc, member, owner, other, key: sectionOrder(owner.ydoc)[0]! };
}

function typeInto(ydoc: Y.Doc, sectionKey: string, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = ydoc.getXmlFragment(bodyName(sectionKey));
  body.insert(body.length, [paragraph]);
}

const has = (ydoc: Y.Doc, key: string, text: string) => ydoc.getXmlFragment(bodyName(key)).toString().includes(text);
const storedText = async (documentId: string, key: string) => (await testDb().section.findFirstOrThrow({ where: { documentId, key } })).text;

describe("open collaboration sockets follow access changes", () => {
  it("closes a removed member's socket within a second: no new text reaches them and their edits are not stored", async () => {
    const { ws, ctx, doc, member, owner, other, key } = await openDocument("editor");
    const seen = watch(other);
    await removeMember(ctx, { slug: ws.slug, userId: member.userId });
    // typed right after the removal, before the client heard of it
    typeInto(other.ydoc, key, "typed by the removed member");
    await waitFor(() => seen.closed(), 1000);
    expect(seen.notices.map((n) => JSON.parse(n) as unknown)).toContainEqual({ type: "access-lost" });

    typeInto(owner.ydoc, key, "written after the removal");
    await waitFor(async () => (await storedText(doc.id, key)).includes("written after the removal"));
    expect(has(other.ydoc, key, "written after the removal")).toBe(false);
    expect(has(owner.ydoc, key, "typed by the removed member")).toBe(false);
    expect(await storedText(doc.id, key)).not.toContain("typed by the removed member");
    owner.close();
    other.close();
  });

  it("makes a demoted editor's socket read-only at once: their edits are refused, others' still reach them, and promotion restores writing", async () => {
    const { ws, ctx, doc, member, owner, other, key } = await openDocument("editor");
    const seen = watch(other);
    await changeRole(ctx, { slug: ws.slug, userId: member.userId, role: "viewer" });
    typeInto(other.ydoc, key, "typed by the demoted member");
    await waitFor(() => seen.notices.includes(JSON.stringify({ type: "read-only" })), 1000);

    typeInto(owner.ydoc, key, "written after the demotion");
    await waitFor(() => has(other.ydoc, key, "written after the demotion"));
    await waitFor(async () => (await storedText(doc.id, key)).includes("written after the demotion"));
    expect(seen.closed()).toBe(false);
    expect(has(owner.ydoc, key, "typed by the demoted member")).toBe(false);
    expect(await storedText(doc.id, key)).not.toContain("typed by the demoted member");

    await changeRole(ctx, { slug: ws.slug, userId: member.userId, role: "editor" });
    await waitFor(() => seen.notices.includes(JSON.stringify({ type: "writable" })), 1000);
    typeInto(other.ydoc, key, "typed after the promotion");
    await waitFor(async () => (await storedText(doc.id, key)).includes("typed after the promotion"));
    owner.close();
    other.close();
  });

  it("closes every socket on a document moved to the trash", async () => {
    const { ctx, doc, owner, other } = await openDocument("viewer");
    const seen = [watch(owner), watch(other)];
    await deleteDocument(ctx, { documentId: doc.id });
    await waitFor(() => seen.every((s) => s.closed()), 1000);
    for (const s of seen) expect(s.notices).toContain(JSON.stringify({ type: "access-lost" }));
    owner.close();
    other.close();
  });

  it("closes a user's sockets when their session is no longer live", async () => {
    const { owner, other, member } = await openDocument("viewer");
    const seen = watch(other);
    const kept = watch(owner);
    // the user is gone, so no session of theirs is live
    await testDb().user.delete({ where: { id: member.userId } });
    publishAccessChange({ kind: "user", userId: member.userId });
    await waitFor(() => seen.closed(), 1000);
    expect(kept.closed()).toBe(false);
    owner.close();
    other.close();
  });

  it("closes the socket of a session that signs out, and keeps the same person's other devices open", async () => {
    const { doc, member, owner, other } = await openDocument("editor");
    const cookieOf = async (sid: string) => `next-auth.session-token=${await encode({ token: { sub: member.userId, sid }, secret: TEST_SECRET })}`;
    const laptopSession = await startSession(testDb(), { userId: member.userId });
    const laptop = connect(server.url, doc.id, await cookieOf(laptopSession));
    const phone = connect(server.url, doc.id, await cookieOf(await startSession(testDb(), { userId: member.userId })));
    expect(await Promise.all([laptop.ready, phone.ready])).toEqual([true, true]);
    const signedOut = watch(laptop);
    const stillIn = watch(phone);
    expect(await revokeSession(testDb(), member.userId, laptopSession)).toBe(true);
    await waitFor(() => signedOut.closed(), 1000);
    expect(stillIn.closed()).toBe(false);
    for (const client of [owner, other, laptop, phone]) client.close();
  });

  it("notices a change made elsewhere (no event in this process) at its next periodic check", async () => {
    const periodic = await startCollabServer({ accessRecheckMs: 300 });
    try {
      const ws = await makeWorkspace(["editor"]);
      const ctx = ctxFor(ws.owner);
      const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
      const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
      const member = ws.members.editor[0]!;
      const client = connect(periodic.url, doc.id, await sessionCookie(member.userId));
      expect(await client.ready).toBe(true);
      const seen = watch(client);
      await testDb().membership.update({ where: { workspaceId_userId: { workspaceId: ws.id, userId: member.userId } }, data: { role: "viewer" } });
      await waitFor(() => seen.notices.includes(JSON.stringify({ type: "read-only" })), 2000);
      await testDb().membership.delete({ where: { workspaceId_userId: { workspaceId: ws.id, userId: member.userId } } });
      await waitFor(() => seen.closed(), 2000);
      client.close();
    } finally {
      await periodic.stop();
    }
  });

  it("refuses a socket whose session is not live", async () => {
    const ws = await makeWorkspace(["editor"]);
    const ctx = ctxFor(ws.owner);
    const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    const gone = ws.members.editor[0]!;
    const cookie = await sessionCookie(gone.userId);
    await testDb().user.delete({ where: { id: gone.userId } });
    const client = connect(server.url, doc.id, cookie);
    expect(await client.ready).toBe(false);
    client.close();
  });
});
