import { describe, expect, it } from "vitest";
import { watchAccess, type AccessNotice } from "@/lib/access/accessWatch";
import { revokeOtherSessions, revokeSession } from "@/lib/auth/revokeSessions";
import { startSession } from "@/lib/auth/sessions";
import { createDocument } from "@/lib/documents/createDocument";
import { deleteDocument, restoreDocument } from "@/lib/documents/documents";
import { listTemplates } from "@/lib/templates/templates";
import { changeRole, removeMember } from "@/lib/workspaces/manageMembers";
import { waitFor } from "../../support/collab";
import { ctxFor, makeUser, makeWorkspace, testDb } from "../../support/db";

/** Starts watching for `userId` on a fresh session (from `since`, if given); returns what it heard. */
async function listen(userId: string, since?: number, sessionId?: string) {
  sessionId ??= await startSession(testDb(), { userId });
  const heard: AccessNotice[] = [];
  const stop = watchAccess(testDb(), { userId, sessionId }, (notice) => heard.push(notice), since);
  return { sessionId, heard, stop };
}

/** Lets any lookups started by an event finish, so "heard nothing" is meaningful. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("open pages hear the access changes that concern them, and only those", () => {
  it("a member whose role changes or who is removed hears `changed`; other members do not", async () => {
    const ws = await makeWorkspace(["editor", "viewer"]);
    const editor = ws.members.editor[0]!;
    const viewer = ws.members.viewer[0]!;
    const a = await listen(editor.userId);
    const b = await listen(viewer.userId);
    await changeRole(ctxFor(ws.owner), { slug: ws.slug, userId: editor.userId, role: "viewer" });
    await waitFor(() => a.heard.length === 1, 1000);
    await removeMember(ctxFor(ws.owner), { slug: ws.slug, userId: editor.userId });
    await waitFor(() => a.heard.length === 2, 1000);
    await settle();
    expect(a.heard).toEqual(["changed", "changed"]);
    expect(b.heard).toEqual([]);
    a.stop();
    b.stop();
  });

  it("trashing or restoring a document reaches its workspace's members and nobody outside it", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const outsider = await makeUser("Outsider");
    const ctx = ctxFor(ws.owner);
    const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    const member = await listen(ws.members.viewer[0]!.userId);
    const stranger = await listen(outsider.userId);
    await deleteDocument(ctx, { documentId: doc.id });
    await waitFor(() => member.heard.length === 1, 1000);
    await restoreDocument(ctx, { documentId: doc.id });
    await waitFor(() => member.heard.length === 2, 1000);
    await settle();
    expect(member.heard).toEqual(["changed", "changed"]);
    expect(stranger.heard).toEqual([]);
    member.stop();
    stranger.stop();
  });

  it("a revoked session hears `signedOut`; the session a password change keeps hears nothing", async () => {
    const user = await makeUser("Sessions");
    const kept = await listen(user.userId);
    const other = await listen(user.userId);
    await revokeOtherSessions(testDb(), user.userId, kept.sessionId);
    await waitFor(() => other.heard.length === 1, 1000);
    await settle();
    expect(other.heard).toEqual(["signedOut"]);
    expect(kept.heard).toEqual([]);

    await revokeSession(testDb(), user.userId, kept.sessionId);
    await waitFor(() => kept.heard.length === 1, 1000);
    expect(kept.heard).toEqual(["signedOut"]);
    kept.stop();
    other.stop();
  });

  it("hears nothing once stopped", async () => {
    const ws = await makeWorkspace(["editor"]);
    const editor = ws.members.editor[0]!;
    const page = await listen(editor.userId);
    page.stop();
    await removeMember(ctxFor(ws.owner), { slug: ws.slug, userId: editor.userId });
    await settle();
    expect(page.heard).toEqual([]);
  });

  it("a page that starts listening after it was drawn still hears, once, the changes made in between", async () => {
    const ws = await makeWorkspace(["editor"]);
    const editor = ws.members.editor[0]!;
    const ctx = ctxFor(ws.owner);
    const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
    const early = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    const late = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    await deleteDocument(ctx, { documentId: early.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const drawnFrom = Date.now();
    await deleteDocument(ctx, { documentId: late.id });
    await restoreDocument(ctx, { documentId: late.id });

    const page = await listen(editor.userId, drawnFrom);
    await waitFor(() => page.heard.length === 1, 1000);
    await settle();
    expect(page.heard).toEqual(["changed"]);
    // and then keeps listening as before
    await deleteDocument(ctx, { documentId: late.id });
    await waitFor(() => page.heard.length === 2, 1000);
    page.stop();

    // drawn after both: nothing to replay
    const upToDate = await listen(editor.userId, Date.now() + 1);
    await settle();
    expect(upToDate.heard).toEqual([]);
    upToDate.stop();
  });

  it("a session revoked before its page began listening hears `signedOut`", async () => {
    const user = await makeUser("Revoked early");
    const sessionId = await startSession(testDb(), { userId: user.userId });
    const drawnFrom = Date.now();
    await revokeSession(testDb(), user.userId, sessionId);
    const page = await listen(user.userId, drawnFrom, sessionId);
    await waitFor(() => page.heard.length === 1, 1000);
    expect(page.heard).toEqual(["signedOut"]);
    page.stop();
  });
});
