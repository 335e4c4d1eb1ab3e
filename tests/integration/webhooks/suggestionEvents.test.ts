import { afterAll, describe, expect, it } from "vitest";
import type { PMNode } from "@/lib/editor/schema";
import { newSuggestionId } from "@/lib/suggestions/ids";
import { createWebhook } from "@/lib/webhooks/manage";
import { ctxFor, testDb } from "../../support/db";
import { documentWithFirstSection, storeSectionText } from "../../support/storedText";

const text = (value: string, suggestion?: { kind: "insertion" | "deletion"; id: string }): PMNode =>
  suggestion ? { type: "text", text: value, marks: [{ type: suggestion.kind, attrs: { id: suggestion.id } }] } : { type: "text", text: value };

const made: string[] = [];
afterAll(() => testDb().webhook.deleteMany({ where: { id: { in: made } } }));

describe("suggestion events", () => {
  it("tells once when a suggestion is made and once when it is settled, naming who made and who settled it", async () => {
    const { ws, doc, section } = await documentWithFirstSection();
    const hook = await createWebhook(ctxFor(ws.owner), { slug: ws.slug, url: "https://receiver.example.test/in", events: ["suggestion.created", "suggestion.resolved"] });
    made.push(hook.id);
    const reviewer = ws.members.viewer[0]!;
    const id = newSuggestionId(reviewer.userId);

    await storeSectionText(doc.id, section, [text("We keep 99.9 %"), text(" for now", { kind: "insertion", id })], [reviewer.userId]);
    // typing on in the same suggestion is not a new one
    await storeSectionText(doc.id, section, [text("We keep 99.9 %"), text(" for now, at least", { kind: "insertion", id })], [reviewer.userId]);
    // plain edits elsewhere tell nothing
    await storeSectionText(doc.id, section, [text("We keep 99.95 %"), text(" for now, at least", { kind: "insertion", id })], [ws.owner.userId]);
    await storeSectionText(doc.id, section, [text("We keep 99.95 %")], [ws.owner.userId]);

    const rows = await testDb().webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ type: "suggestion.created", actor: { id: reviewer.userId, name: reviewer.name }, data: expect.objectContaining({ suggestionId: id, section: section.key, inserted: " for now" }) }),
      expect.objectContaining({ type: "suggestion.resolved", actor: { id: ws.owner.userId, name: ws.owner.name }, data: expect.objectContaining({ suggestionId: id, suggestedBy: reviewer.userId, outcome: "rejected" }) }),
    ]);
  });

  it("tells an accepted suggestion from a rejected one by the text it leaves", async () => {
    const { ws, doc, section } = await documentWithFirstSection();
    const hook = await createWebhook(ctxFor(ws.owner), { slug: ws.slug, url: "https://receiver.example.test/in", events: ["suggestion.resolved"] });
    made.push(hook.id);
    const reviewer = ws.members.viewer[0]!;
    const [added, removed] = [newSuggestionId(reviewer.userId), newSuggestionId(reviewer.userId)];
    await storeSectionText(doc.id, section, [text("Refunds"), text(" go back", { kind: "insertion", id: added })], [reviewer.userId]);
    // accepted: the words stay, unmarked
    await storeSectionText(doc.id, section, [text("Refunds go back")], [ws.owner.userId]);
    await storeSectionText(doc.id, section, [text("Refunds go back"), text(" to the card", { kind: "deletion", id: removed })], [reviewer.userId]);
    await storeSectionText(doc.id, section, [text("Refunds go back")], [ws.owner.userId]);

    const rows = await testDb().webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ type: "suggestion.resolved", data: expect.objectContaining({ suggestionId: added, outcome: "accepted" }) }),
      expect.objectContaining({ type: "suggestion.resolved", data: expect.objectContaining({ suggestionId: removed, outcome: "accepted" }) }),
    ]);
  });
});
