import { describe, expect, it } from "vitest";
import { createThread, listThreads } from "@/lib/comments/comments";
import type { PMNode } from "@/lib/editor/schema";
import { newSuggestionId } from "@/lib/suggestions/ids";
import { ctxFor, testDb } from "../../support/db";
import { documentWithFirstSection, storeSectionText } from "../../support/storedText";

const text = (value: string, suggestion?: { kind: "insertion" | "deletion"; id: string }): PMNode =>
  suggestion ? { type: "text", text: value, marks: [{ type: suggestion.kind, attrs: { id: suggestion.id } }] } : { type: "text", text: value };


describe("a suggestion's discussion", () => {
  it("closes when the suggestion is accepted or rejected, and only then; other threads stay open", async () => {
    const { ws, owner, doc, section } = await documentWithFirstSection();
    const reviewer = ws.members.viewer[0]!;
    const kept = newSuggestionId(reviewer.userId);
    const dropped = newSuggestionId(reviewer.userId);
    await storeSectionText(doc.id, section, [text("We keep 99.9"), text("9", { kind: "deletion", id: kept }), text(" %"), text(" for now", { kind: "insertion", id: dropped })], [reviewer.userId]);
    const start = (suggestionId: string | undefined, body: string) => createThread(ctxFor(reviewer), { documentId: doc.id, sectionKey: section.key, quote: "9", suggestionId, body });
    await start(kept, "Four nines is more than we can promise.");
    await start(dropped, "Is this temporary?");
    await start(undefined, "A plain comment.");
    const openIds = async () => (await listThreads(owner, { documentId: doc.id })).filter((t) => !t.resolved).map((t) => t.comments[0]!.body).sort();
    expect(await openIds()).toEqual(["A plain comment.", "Four nines is more than we can promise.", "Is this temporary?"]);

    // the text around them changes: both suggestions still open, so are their threads
    await storeSectionText(doc.id, section, [text("We keep 99.9"), text("9", { kind: "deletion", id: kept }), text(" % uptime"), text(" for now", { kind: "insertion", id: dropped })], [ws.owner.userId]);
    expect(await openIds()).toHaveLength(3);

    // the owner accepts the deletion: its thread closes, with the owner as the one who settled it
    await storeSectionText(doc.id, section, [text("We keep 99.9 % uptime"), text(" for now", { kind: "insertion", id: dropped })], [ws.owner.userId]);
    expect(await openIds()).toEqual(["A plain comment.", "Is this temporary?"]);
    const closed = await testDb().commentThread.findFirstOrThrow({ where: { documentId: doc.id, suggestionId: kept } });
    expect(closed.resolvedById).toBe(ws.owner.userId);
    const activity = await testDb().activity.findMany({ where: { subjectId: doc.id, kind: "comment.resolved" } });
    expect(activity.map((a) => a.data)).toEqual([{ thread: closed.id, why: "suggestion settled" }]);

    // rejecting the insertion (its text goes) closes the other one
    await storeSectionText(doc.id, section, [text("We keep 99.9 % uptime")], [ws.owner.userId]);
    expect(await openIds()).toEqual(["A plain comment."]);
  });

  it("refuses an id that is not a suggestion's, and stores nothing", async () => {
    const { ws, doc, section } = await documentWithFirstSection();
    const reviewer = ws.members.viewer[0]!;
    await expect(createThread(ctxFor(reviewer), { documentId: doc.id, sectionKey: section.key, quote: "", suggestionId: "<script>", body: "Hm." })).rejects.toThrow(/suggestion id/);
    expect(await testDb().commentThread.count({ where: { documentId: doc.id } })).toBe(0);
  });
});
