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

  it("finds a document by words spread over its title and sections, ranks title matches first, and looks it up through the search indexes", async () => {
    const { ws, ada, adaTech, brunoTech, sdd } = await setUp();
    const write = async (documentId: string, index: number, text: string) => {
      const section = (await getDocument(ada, { documentId })).sections[index]!;
      const body: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
      await testDb().section.update({ where: { id: section.id }, data: { body: body as object, text: docToText(body) } });
    };
    await write(adaTech.id, 0, "Settlement runs nightly.");
    await write(adaTech.id, 1, "Reconciliation with the bank feed.");
    await write(brunoTech.id, 0, "Settlement of search shards.");
    const search = (q: string) => listDocuments(ada, { slug: ws.slug, q }).then((p) => p.items.map((d) => d.id));

    // every word of the query, each in another section: still found
    expect(await search("settlement reconciliation")).toEqual([adaTech.id]);
    expect(await search("payments reconciliation")).toEqual([adaTech.id]);
    // a title match ranks first
    expect((await search("settlement search"))[0]).toBe(brunoTech.id);
    // a word left out, and a phrase
    expect(await search("settlement -bank")).toEqual([brunoTech.id]);
    expect(await search('"runs nightly"')).toEqual([adaTech.id]);
    expect(await search("nightly shards")).toEqual([]);
    expect(await search("billing")).toEqual([sdd.id]);

    // the indexes serve the expressions the search uses (with sequential scans off, a plan
    // that cannot use them would still scan the tables)
    const plan = await testDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const section = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT 1 FROM "Section" s WHERE to_tsvector('english'::regconfig, s.title || E'\\n' || s.text) @@ 'ledger'::tsquery`);
      const title = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT 1 FROM "Document" d WHERE to_tsvector('english'::regconfig, d.title) @@ 'ledger'::tsquery`);
      return [...section, ...title].map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("Section_search_idx");
    expect(plan).toContain("Document_title_search_idx");
  });
});
