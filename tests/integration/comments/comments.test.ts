import { describe, expect, it } from "vitest";
import { createThread, listThreads, replyToThread, resolveThread } from "@/lib/comments/comments";
import { createDocument } from "@/lib/documents/createDocument";
import { Forbidden, NotFound } from "@/lib/errors";
import { listNotifications } from "@/lib/notifications/inbox";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace } from "../../support/db";

async function setUp() {
  const ws = await makeWorkspace(["viewer", "editor"]);
  const owner = ctxFor(ws.owner);
  const template = (await listTemplates(owner, { slug: ws.slug }))[0]!;
  const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id });
  const sectionKey = (await owner.db.section.findFirstOrThrow({ where: { documentId: doc.id }, orderBy: { position: "asc" } })).key;
  return { ws, owner, doc, sectionKey, viewer: ctxFor(ws.members.viewer[0]!), editor: ctxFor(ws.members.editor[0]!) };
}

describe("comments", () => {
  it("lets any member discuss a section, notifies @mentions, and keeps resolving to editors and the author", async () => {
    const { owner, doc, sectionKey, viewer, editor } = await setUp();
    const threads = await createThread(viewer, { documentId: doc.id, sectionKey, quote: "a passage", body: "@Editor can you check this?" });
    expect(threads).toHaveLength(1);
    const thread = threads[0]!;
    expect((await listNotifications(editor)).items[0]).toMatchObject({ kind: "mention" });

    await replyToThread(owner, { documentId: doc.id, threadId: thread.id, body: "On it." });
    expect((await listNotifications(viewer)).items[0]!.text).toContain("replied");
    expect((await listThreads(editor, { documentId: doc.id }))[0]!.comments.map((c) => c.body)).toEqual(["@Editor can you check this?", "On it."]);

    // a viewer resolves their own thread, not someone else's
    const other = (await createThread(owner, { documentId: doc.id, sectionKey, body: "Owner's note" })).find((t) => t.comments[0]!.body === "Owner's note")!;
    await expect(resolveThread(viewer, { documentId: doc.id, threadId: other.id, resolved: true })).rejects.toBeInstanceOf(Forbidden);
    const after = await resolveThread(viewer, { documentId: doc.id, threadId: thread.id, resolved: true });
    expect(after.find((t) => t.id === thread.id)!.resolved).toBe(true);
    expect((await resolveThread(editor, { documentId: doc.id, threadId: thread.id, resolved: false })).find((t) => t.id === thread.id)!.resolved).toBe(false);
  });

  it("tells each reader which threads they may resolve, by the same rule the server applies", async () => {
    const { owner, doc, sectionKey, viewer, editor } = await setUp();
    await createThread(viewer, { documentId: doc.id, sectionKey, body: "Viewer's question" });
    await createThread(owner, { documentId: doc.id, sectionKey, body: "Owner's note" });
    const resolvable = async (ctx: typeof owner) => Object.fromEntries((await listThreads(ctx, { documentId: doc.id })).map((t) => [t.comments[0]!.body, t.canResolve]));
    expect(await resolvable(viewer)).toEqual({ "Viewer's question": true, "Owner's note": false });
    expect(await resolvable(editor)).toEqual({ "Viewer's question": true, "Owner's note": true });
  });

  it("refuses empty comments, unknown sections and outsiders", async () => {
    const { doc, sectionKey, owner } = await setUp();
    const outsider = ctxFor((await makeWorkspace()).owner);
    await expect(createThread(owner, { documentId: doc.id, sectionKey, body: "   " })).rejects.toThrow("Write something.");
    await expect(createThread(owner, { documentId: doc.id, sectionKey: "nope", body: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(createThread(outsider, { documentId: doc.id, sectionKey, body: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(listThreads(outsider, { documentId: doc.id })).rejects.toBeInstanceOf(NotFound);
  });
});
