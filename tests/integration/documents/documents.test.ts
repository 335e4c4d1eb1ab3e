import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { deleteDocument, getDocument, restoreDocument, updateDocument } from "@/lib/documents/documents";
import { listDocuments } from "@/lib/documents/listDocuments";
import { Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";
import type { TemplateDefinition } from "@/lib/templates/schema";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

async function templateIds(slug: string, ctx: ReturnType<typeof ctxFor>): Promise<Record<string, string>> {
  return Object.fromEntries((await listTemplates(ctx, { slug })).map((t) => [t.key, t.id]));
}

/** The first field of a template matching a predicate, with its section. */
function findField(def: TemplateDefinition, match: (f: TemplateDefinition["sections"][number]["fields"][number]) => boolean) {
  for (const s of def.sections) for (const f of s.fields) if (match(f)) return { section: s, field: f };
  return undefined;
}

describe("creating documents from templates", () => {
  it("copies every non-optional section with defaults: author = creator, date = today, status = Draft", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const ids = await templateIds(ws.slug, ctx);
    for (const def of BUILTIN_TEMPLATES) {
      const summary = await createDocument(ctx, { slug: ws.slug, templateId: ids[def.key]! }, new Date("2026-03-04T10:00:00Z"));
      expect(summary).toMatchObject({ status: "draft", template: { key: def.key, version: 1 }, title: def.titlePattern });
      const doc = await getDocument(ctx, { documentId: summary.id });
      expect(doc.sections.map((s) => [s.key, s.depth])).toEqual(def.sections.filter((s) => !s.optional).map((s) => [s.key, s.depth]));
      for (const section of def.sections.filter((s) => !s.optional)) {
        const values = doc.sections.find((s) => s.key === section.key)!.fields;
        for (const field of section.fields) {
          if (typeof field.default === "object" && !Array.isArray(field.default)) {
            const expected = field.default.from === "creator" ? ws.owner.userId : "2026-03-04";
            expect(values[field.key], `${def.key}.${section.key}.${field.key}`).toEqual(field.type === "people" ? [expected] : expected);
          }
        }
      }
    }
  });

  it("takes the title asked for at creation, trimmed, and refuses a blank one in words", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const [card] = await listTemplates(ctx, { slug: ws.slug });
    expect(card!.titlePattern).toBe(BUILTIN_TEMPLATES.find((t) => t.key === card!.key)!.titlePattern);
    const named = await createDocument(ctx, { slug: ws.slug, templateId: card!.id, title: "  Payments ledger " });
    expect(named.title).toBe("Payments ledger");
    const blank = await createDocument(ctx, { slug: ws.slug, templateId: card!.id, title: "   " }).catch((e: unknown) => e);
    expect(String(blank)).toContain("Enter a title.");
  });

  it("refuses viewers (403) and outsiders (404)", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const other = await makeWorkspace();
    const ids = await templateIds(ws.slug, ctxFor(ws.owner));
    const templateId = Object.values(ids)[0]!;
    await expect(createDocument(ctxFor(ws.members.viewer[0]!), { slug: ws.slug, templateId })).rejects.toBeInstanceOf(Forbidden);
    await expect(createDocument(ctxFor(other.owner), { slug: ws.slug, templateId })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("document list", () => {
  it("filters by status, template, owner and a typed field's value, and searches section text", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const editor = ctxFor(ws.members.editor[0]!);
    const ids = await templateIds(ws.slug, owner);
    const [first, second] = BUILTIN_TEMPLATES;
    const a = await createDocument(owner, { slug: ws.slug, templateId: ids[first!.key]!, title: "Payments ledger" });
    const b = await createDocument(editor, { slug: ws.slug, templateId: ids[second!.key]!, title: "Search indexer" });
    await testDb().document.update({ where: { id: b.id }, data: { status: "in_review" } });

    const list = (input: Record<string, string>) => listDocuments(owner, { slug: ws.slug, ...input }).then((p) => p.items.map((d) => d.id));
    expect(await list({})).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await list({ status: "in_review" })).toEqual([b.id]);
    expect(await list({ template: first!.key })).toEqual([a.id]);
    expect(await list({ owner: ws.members.editor[0]!.userId })).toEqual([b.id]);

    // a select field: every document whose <field> is <option>
    const select = findField(second!, (f) => f.type === "select");
    if (select) {
      const option = select.field.options!.at(-1)!;
      await updateDocument(editor, { documentId: b.id, fields: { [select.section.key]: { [select.field.key]: option } } });
      expect(await list({ field: select.field.key, value: option })).toEqual([b.id]);
    }
    // a person field set to the creator: "…whose <field> is me"
    const person = findField(first!, (f) => (f.type === "person" || f.type === "people") && typeof f.default === "object" && !Array.isArray(f.default));
    if (person) expect(await list({ field: person.field.key, value: "me" })).toContain(a.id);

    // search: a word written into a section, ranked and highlighted
    const section = (await getDocument(owner, { documentId: a.id })).sections[0]!;
    const prose = "We shard the reconciliation queue by merchant.";
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: prose }] }] };
    await testDb().section.update({ where: { id: section.id }, data: { body, text: prose } });
    const hits = await listDocuments(owner, { slug: ws.slug, q: "reconciliation" });
    expect(hits.items.map((d) => d.id)).toEqual([a.id]);
    expect(hits.items[0]!.highlight).toContain("⟦reconciliation⟧");
    expect((await listDocuments(owner, { slug: ws.slug, q: "ledger" })).items.map((d) => d.id)).toEqual([a.id]);
  });

  it("pages through documents", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const templateId = Object.values(await templateIds(ws.slug, ctx))[0]!;
    for (let i = 0; i < 5; i++) await createDocument(ctx, { slug: ws.slug, templateId, title: `Doc ${i}` });
    const page1 = await listDocuments(ctx, { slug: ws.slug, pageSize: 2 });
    const page3 = await listDocuments(ctx, { slug: ws.slug, pageSize: 2, page: 3 });
    expect(page1).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(page1.items).toHaveLength(2);
    expect(page3.items).toHaveLength(1);
  });
});

describe("updating, trash and isolation", () => {
  it("validates field values against the template and writes nothing on error", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const def = BUILTIN_TEMPLATES.find((t) => findField(t, (f) => f.type === "select"))!;
    const { section, field } = findField(def, (f) => f.type === "select")!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: (await templateIds(ws.slug, ctx))[def.key]! });
    const error = await updateDocument(ctx, { documentId: doc.id, title: "Renamed", fields: { [section.key]: { [field.key]: "not-an-option", nope: "x" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(Object.keys((error as InvalidInput).fields).sort()).toEqual([`fields.${section.key}.${field.key}`, `fields.${section.key}.nope`].sort());
    expect((await getDocument(ctx, { documentId: doc.id })).title).toBe(doc.title);

    const ok = await updateDocument(ctx, { documentId: doc.id, title: "Renamed", fields: { [section.key]: { [field.key]: field.options![0]! } } });
    expect(ok.title).toBe("Renamed");
    const saved = (await getDocument(ctx, { documentId: doc.id })).sections.find((s) => s.key === section.key)!;
    expect(saved.fields[field.key]).toBe(field.options![0]);
  });

  it("refuses a title or field the database cannot store before writing anything, so no update is half-written", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const def = BUILTIN_TEMPLATES.find((t) => findField(t, (f) => f.type === "text"))!;
    const { section, field } = findField(def, (f) => f.type === "text")!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: (await templateIds(ws.slug, ctx))[def.key]! });
    const before = (await getDocument(ctx, { documentId: doc.id })).sections.find((s) => s.key === section.key)!.fields[field.key];
    for (const bad of [{ title: "Renamed\u0000" }, { title: "Renamed \ud800" }, { fieldValue: "nul\u0000byte" }]) {
      const input = { documentId: doc.id, title: bad.title ?? "Renamed", fields: { [section.key]: { [field.key]: bad.fieldValue ?? "A stored change" } } };
      await expect(updateDocument(ctx, input)).rejects.toThrow();
      const after = await getDocument(ctx, { documentId: doc.id });
      expect(after.title).toBe(doc.title);
      expect(after.sections.find((s) => s.key === section.key)!.fields[field.key]).toEqual(before);
    }
  });

  it("moves a document to the trash and restores it; viewers can do neither", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const ctx = ctxFor(ws.owner);
    const viewer = ctxFor(ws.members.viewer[0]!);
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: Object.values(await templateIds(ws.slug, ctx))[0]! });
    await expect(deleteDocument(viewer, { documentId: doc.id })).rejects.toBeInstanceOf(Forbidden);
    await deleteDocument(ctx, { documentId: doc.id });
    expect((await listDocuments(ctx, { slug: ws.slug })).items.map((d) => d.id)).not.toContain(doc.id);
    expect((await listDocuments(ctx, { slug: ws.slug, trash: "1" })).items.map((d) => d.id)).toEqual([doc.id]);
    await expect(getDocument(ctx, { documentId: doc.id })).rejects.toBeInstanceOf(NotFound);
    await restoreDocument(ctx, { documentId: doc.id });
    expect((await getDocument(ctx, { documentId: doc.id })).id).toBe(doc.id);
  });

  it("never shows another workspace's documents, even by id", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: Object.values(await templateIds(ws.slug, ctx))[0]! });
    const outsider = ctxFor(other.owner);
    await expect(getDocument(outsider, { documentId: doc.id })).rejects.toBeInstanceOf(NotFound);
    await expect(updateDocument(outsider, { documentId: doc.id, title: "Mine now" })).rejects.toBeInstanceOf(NotFound);
    await expect(deleteDocument(outsider, { documentId: doc.id })).rejects.toBeInstanceOf(NotFound);
    await expect(listDocuments(outsider, { slug: ws.slug })).rejects.toBeInstanceOf(NotFound);
    expect((await listDocuments(outsider, { slug: other.slug })).items).toHaveLength(0);
  });
});
