import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadDocumentState, storeDocumentState } from "@/lib/collab/persistence";
import { writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import type { PMNode } from "@/lib/editor/schema";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeUser, makeWorkspace, testDb } from "../../support/db";

const mention = (id: string, label: string): PMNode => ({ type: "mention", attrs: { id, label } });

/** A new document in a new workspace (an editor and a viewer besides its owner), and its first section. */
async function setUp() {
  const ws = await makeWorkspace(["editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const template = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
  const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id });
  const section = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id }, orderBy: { position: "asc" } });
  return { ws, doc, section };
}

/** Writes a section's text as `authorIds` typing it, and stores the document as the collaboration server does. */
async function write(documentId: string, section: { key: string; title: string; depth: number }, inline: PMNode[], authorIds: string[]) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await loadDocumentState(testDb(), documentId));
  const body = normalizeDoc({ type: "doc", content: [{ type: "paragraph", content: inline }] });
  ydoc.transact(() => writeSection(ydoc, { key: section.key, title: section.title, depth: section.depth, fields: {}, body }));
  await storeDocumentState(testDb(), documentId, ydoc, { authorIds });
}

const mentionsOf = (userId: string) => testDb().notification.findMany({ where: { userId, kind: "mention" } });

describe("mentions in a document's text", () => {
  it("notifies a member the first time the text names them, once, with the section to open", async () => {
    const { ws, doc, section } = await setUp();
    const editor = ws.members.editor[0]!;
    const viewer = ws.members.viewer[0]!;
    await write(doc.id, section, [{ type: "text", text: "Ask " }, mention(viewer.userId, viewer.name), { type: "text", text: " about limits." }], [editor.userId]);

    const [notification, ...more] = await mentionsOf(viewer.userId);
    expect(more).toEqual([]);
    expect(notification).toMatchObject({
      workspaceId: ws.id,
      documentId: doc.id,
      text: `${editor.name} mentioned you in “${doc.title}”, section “${section.title}”`,
      url: `/w/${ws.slug}/d/${doc.id}#section-${section.key}`,
    });
    const stored = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key: section.key } });
    expect(stored.text).toBe(`Ask @${viewer.name} about limits.`);

    // the text changes around the mention, which stays: nobody is notified again
    await write(doc.id, section, [{ type: "text", text: "Please ask " }, mention(viewer.userId, viewer.name), { type: "text", text: " today." }], [editor.userId]);
    expect(await mentionsOf(viewer.userId)).toHaveLength(1);
  });

  it("notifies nobody outside the workspace, nor the person who wrote the mention", async () => {
    const { ws, doc, section } = await setUp();
    const editor = ws.members.editor[0]!;
    const outsider = await makeUser("Outsider");
    await write(doc.id, section, [mention(outsider.userId, "Outsider"), { type: "text", text: " and " }, mention(editor.userId, editor.name)], [editor.userId]);
    expect(await mentionsOf(outsider.userId)).toEqual([]);
    expect(await mentionsOf(editor.userId)).toEqual([]);
    // the owner is named when the edits were theirs; with several authors nobody is named
    await write(doc.id, section, [mention(ws.owner.userId, ws.owner.name)], [editor.userId, ws.members.viewer[0]!.userId]);
    expect((await mentionsOf(ws.owner.userId)).map((n) => n.text)).toEqual([`You were mentioned in “${doc.title}”, section “${section.title}”`]);
  });
});
