import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument, updateDocument } from "@/lib/documents/documents";
import { listDocuments } from "@/lib/documents/listDocuments";
import { docToText, type PMDoc } from "@/lib/editor/schema";
import { InvalidInput } from "@/lib/errors";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeUser, makeWorkspace, testDb } from "../../support/db";

/** A workspace with Ada (owner), Bruno Díaz (editor), a technical design by each and an SDD by Ada. */
async function setUp() {
  const ws = await makeWorkspace();
  const bruno = await makeUser("Bruno Díaz");
  await testDb().membership.create({ data: { workspaceId: ws.id, userId: bruno.userId, role: "editor" } });
  await testDb().user.update({ where: { id: ws.owner.userId }, data: { name: "Ada Lovelace" } });
  const ada = ctxFor(ws.owner);
  const templates = Object.fromEntries((await listTemplates(ada, { slug: ws.slug })).map((t) => [t.key, t.id]));
  const adaTech = await createDocument(ada, { slug: ws.slug, templateId: templates["technical-design"]!, title: "Payments ledger" });
  const brunoTech = await createDocument(ctxFor(bruno), { slug: ws.slug, templateId: templates["technical-design"]!, title: "Search indexer" });
  const sdd = await createDocument(ada, { slug: ws.slug, templateId: templates["software-design-document"]!, title: "Billing platform" });
  await updateDocument(ada, { documentId: adaTech.id, fields: { quality: { quality_level: "production" } } });
  await updateDocument(ada, { documentId: brunoTech.id, fields: { quality: { quality_level: "prototype" } } });
  const list = (input: Record<string, string>) => listDocuments(ada, { slug: ws.slug, ...input }).then((p) => p.items.map((d) => d.title).sort());
  const refused = (input: Record<string, string>) => listDocuments(ada, { slug: ws.slug, ...input }).then(() => null, (e: unknown) => e);
  return { ws, ada, bruno, adaTech, brunoTech, sdd, list, refused };
}

describe("finding documents by field, person and words", () => {
  it("picks a field by its label or key and matches its value in part, ignoring case", async () => {
    const { list } = await setUp();
    expect(await list({ field: "Quality Level", value: "PROD" })).toEqual(["Payments ledger"]);
    expect(await list({ field: "quality level", value: "proto" })).toEqual(["Search indexer"]);
    expect(await list({ field: "quality_level", value: "pro" })).toEqual(["Payments ledger", "Search indexer"]);
    // % and _ are letters to look for, not wildcards
    expect(await list({ field: "Quality Level", value: "%" })).toEqual([]);
  });

  it("matches people by name: owner, reviewers and person fields", async () => {
    const { ws, ada, bruno, sdd, list } = await setUp();
    expect(await list({ owner: "bruno" })).toEqual(["Search indexer"]);
    expect(await list({ owner: "lovelace" })).toEqual(["Billing platform", "Payments ledger"]);
    expect(await list({ owner: "me" })).toEqual(["Billing platform", "Payments ledger"]);
    expect(await list({ owner: bruno.email.toUpperCase() })).toEqual(["Search indexer"]);

    await updateDocument(ada, { documentId: sdd.id, fields: { document_control: { reviewers: [bruno.userId] } } });
    expect(await list({ field: "Reviewers", value: "díaz" })).toEqual(["Billing platform"]);
    expect(await list({ field: "Author(s)", value: "ada" })).toEqual(["Billing platform"]);

    await testDb().reviewAssignment.create({ data: { documentId: sdd.id, roleKey: "tech_lead", reviewerId: bruno.userId, assignedById: ws.owner.userId } });
    expect(await list({ reviewer: "Bruno" })).toEqual(["Billing platform"]);
    expect(await list({ reviewer: "ada" })).toEqual([]);
  });

  it("refuses an unknown field, person or template with a message naming it, instead of listing everything", async () => {
    const { refused } = await setUp();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ field: "Projekt", value: "x" }, "field", /No field called “Projekt”/],
      [{ field: "quality_level" }, "value", /Enter what to look for in Quality Level/],
      [{ value: "production" }, "field", /Pick a field/],
      [{ owner: "Zed" }, "owner", /No one in this workspace is called “Zed”/],
      [{ reviewer: "Zed" }, "reviewer", /No one/],
      [{ field: "Reviewers", value: "Zed" }, "value", /No one/],
      [{ template: "no-such-template" }, "template", /No template called/],
    ];
    for (const [input, key, message] of cases) {
      const error = await refused(input);
      expect(error, JSON.stringify(input)).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).message).toMatch(message);
      expect(Object.keys((error as InvalidInput).fields)).toEqual([key]);
    }
  });

  it("shows prose in search snippets, not diagram or code source, and still finds words in a diagram", async () => {
    const { ws, ada, adaTech, brunoTech } = await setUp();
    const write = async (documentId: string, body: PMDoc) => {
      const section = (await getDocument(ada, { documentId })).sections[0]!;
      await testDb().section.update({ where: { id: section.id }, data: { body: body as object, text: docToText(body) } });
    };
    await write(adaTech.id, {
      type: "doc",
      content: [
        { type: "mermaid", attrs: { source: "graph TD\n  ledger --> bank[Ledger bank]" } },
        { type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "ledger.write(entry)" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Every " }, { type: "text", text: "ledger", marks: [{ type: "bold" }] }, { type: "text", text: " entry is written once." }] }] }] },
      ],
    });
    await write(brunoTech.id, { type: "doc", content: [{ type: "mermaid", attrs: { source: "graph LR\n  indexer --> shardmap" } }, { type: "paragraph", content: [{ type: "text", text: "Plain words about search." }] }] });

    const ledger = await listDocuments(ada, { slug: ws.slug, q: "ledger" });
    expect(ledger.items.map((d) => d.id)).toEqual([adaTech.id]);
    const snippet = ledger.items[0]!.highlight!;
    expect(snippet).toContain("Every ⟦ledger⟧ entry is written once.");
    expect(snippet).not.toMatch(/graph|-->|write\(|bank/);

    // a name only the diagram holds finds the document; its snippet is still prose
    const shardmap = await listDocuments(ada, { slug: ws.slug, q: "shardmap" });
    expect(shardmap.items.map((d) => d.id)).toEqual([brunoTech.id]);
    expect(shardmap.items[0]!.highlight ?? "").not.toMatch(/shardmap|-->/);
  });
});
