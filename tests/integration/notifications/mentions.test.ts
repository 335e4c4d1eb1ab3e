import { describe, expect, it } from "vitest";
import type { PMNode } from "@/lib/editor/schema";
import { makeUser, testDb } from "../../support/db";
import { documentWithFirstSection, storeSectionText } from "../../support/storedText";

const mention = (id: string, label: string): PMNode => ({ type: "mention", attrs: { id, label } });


const mentionsOf = (userId: string) => testDb().notification.findMany({ where: { userId, kind: "mention" } });

describe("mentions in a document's text", () => {
  it("notifies a member the first time the text names them, once, with the section to open", async () => {
    const { ws, doc, section } = await documentWithFirstSection();
    const editor = ws.members.editor[0]!;
    const viewer = ws.members.viewer[0]!;
    await storeSectionText(doc.id, section, [{ type: "text", text: "Ask " }, mention(viewer.userId, viewer.name), { type: "text", text: " about limits." }], [editor.userId]);

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
    await storeSectionText(doc.id, section, [{ type: "text", text: "Please ask " }, mention(viewer.userId, viewer.name), { type: "text", text: " today." }], [editor.userId]);
    expect(await mentionsOf(viewer.userId)).toHaveLength(1);
  });

  it("notifies nobody outside the workspace, nor the person who wrote the mention", async () => {
    const { ws, doc, section } = await documentWithFirstSection();
    const editor = ws.members.editor[0]!;
    const outsider = await makeUser("Outsider");
    await storeSectionText(doc.id, section, [mention(outsider.userId, "Outsider"), { type: "text", text: " and " }, mention(editor.userId, editor.name)], [editor.userId]);
    expect(await mentionsOf(outsider.userId)).toEqual([]);
    expect(await mentionsOf(editor.userId)).toEqual([]);
    // the owner is named when the edits were theirs; with several authors nobody is named
    await storeSectionText(doc.id, section, [mention(ws.owner.userId, ws.owner.name)], [editor.userId, ws.members.viewer[0]!.userId]);
    expect((await mentionsOf(ws.owner.userId)).map((n) => n.text)).toEqual([`You were mentioned in “${doc.title}”, section “${section.title}”`]);
  });
});
