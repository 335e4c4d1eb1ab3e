import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadDocumentState, storeDocumentState } from "@/lib/collab/persistence";
import { moveSection, removeSection, renameSection } from "@/lib/collab/sectionOps";
import { bodyName, sectionOrder, writeSection, yDocToSections } from "@/lib/collab/ydoc";
import { hashSections } from "@/lib/documents/contentHash";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

async function newDocument() {
  const ws = await makeWorkspace();
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  return createDocument(ctx, { slug: ws.slug, templateId: template.id });
}

/** A copy of the stored document, as a process that loaded it holds it. */
async function openCopy(documentId: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await loadDocumentState(testDb(), documentId));
  return ydoc;
}

function typeInto(ydoc: Y.Doc, sectionKey: string, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = ydoc.getXmlFragment(bodyName(sectionKey));
  body.insert(body.length, [paragraph]);
}

const bodyOf = (ydoc: Y.Doc, key: string) => ydoc.getXmlFragment(bodyName(key)).toString();

describe("storing a document merges with what is stored", () => {
  it("keeps both edits when two copies store at the same time", async () => {
    const doc = await newDocument();
    const [a, b] = await Promise.all([openCopy(doc.id), openCopy(doc.id)]);
    const key = sectionOrder(a)[0]!;
    typeInto(a, key, "typed on the first process");
    typeInto(b, key, "typed on the second process");

    await Promise.all([storeDocumentState(testDb(), doc.id, a), storeDocumentState(testDb(), doc.id, b)]);

    const stored = await openCopy(doc.id);
    expect(bodyOf(stored, key)).toContain("typed on the first process");
    expect(bodyOf(stored, key)).toContain("typed on the second process");
    const section = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key } });
    expect(section.text).toContain("typed on the first process");
    expect(section.text).toContain("typed on the second process");
  });

  it("hands back what was stored elsewhere, so the live copy gets it", async () => {
    const doc = await newDocument();
    const [a, b] = await Promise.all([openCopy(doc.id), openCopy(doc.id)]);
    const key = sectionOrder(a)[0]!;
    typeInto(a, key, "stored first");
    expect((await storeDocumentState(testDb(), doc.id, a)).missing).toBeNull();
    typeInto(b, key, "stored second");

    const { missing } = await storeDocumentState(testDb(), doc.id, b);
    expect(missing).not.toBeNull();
    Y.applyUpdate(b, missing!);
    expect(bodyOf(b, key)).toContain("stored first");
    expect(bodyOf(b, key)).toContain("stored second");
  });

  it("reads back what is stored when someone else stored since this copy did, deletions included", async () => {
    const doc = await newDocument();
    const [a, b] = await Promise.all([openCopy(doc.id), openCopy(doc.id)]);
    const key = sectionOrder(a)[0]!;
    typeInto(a, key, "kept by the first process");
    await storeDocumentState(testDb(), doc.id, a);
    // the second process gets the first's text, then deletes only (no new Yjs items)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const body = b.getXmlFragment(bodyName(key));
    body.delete(body.length - 1, 1);
    expect((await storeDocumentState(testDb(), doc.id, b)).missing).toBeNull();
    typeInto(a, key, "typed later on the first");

    // the first process's last store was its own: what is stored now is not, so it merges
    const { missing } = await storeDocumentState(testDb(), doc.id, a);
    expect(missing).not.toBeNull();
    const stored = await openCopy(doc.id);
    expect(bodyOf(stored, key)).not.toContain("kept by the first process");
    expect(bodyOf(stored, key)).toContain("typed later on the first");
    const section = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key } });
    expect(section.text).not.toContain("kept by the first process");
  });

  it("does not merge a copy's own stored state into it again", async () => {
    const doc = await newDocument();
    const a = await openCopy(doc.id);
    const key = sectionOrder(a)[0]!;
    for (const word of ["one", "two", "three"]) {
      typeInto(a, key, word);
      expect((await storeDocumentState(testDb(), doc.id, a)).missing).toBeNull();
    }
    expect(bodyOf(await openCopy(doc.id), key)).toBe(bodyOf(a, key));
  });

  it("stores its own copy again with only the rows that changed: edited, renamed, moved, removed and added sections", async () => {
    const doc = await newDocument();
    const a = await openCopy(doc.id);
    await storeDocumentState(testDb(), doc.id, a);
    const rowsOf = () => testDb().section.findMany({ where: { documentId: doc.id }, orderBy: { position: "asc" } });
    const before = await rowsOf();
    const [first, second, third] = sectionOrder(a);
    typeInto(a, first!, "an edit");
    renameSection(a, second!, "Renamed");
    moveSection(a, third!, -1);
    const removed = sectionOrder(a).at(-1)!;
    removeSection(a, removed);
    a.transact(() => writeSection(a, { key: "added_one", title: "Added", depth: 1, fields: {}, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "new words" }] }] } }));
    const { hash } = await storeDocumentState(testDb(), doc.id, a);

    const after = await rowsOf();
    // the rows are what a fresh read of the stored state projects
    const projected = yDocToSections(await openCopy(doc.id));
    expect(after.map((r) => ({ key: r.key, title: r.title, depth: r.depth, position: r.position, fields: r.fields, body: r.body, text: r.text }))).toEqual(projected);
    expect(hashSections(projected)).toBe(hash);
    expect(after.find((r) => r.key === removed)).toBeUndefined();
    expect(after.find((r) => r.key === "added_one")?.text).toBe("new words");
    // a section nobody touched keeps its row as it was
    const untouched = before.find((r) => ![first, second, third, removed].includes(r.key))!;
    expect(after.find((r) => r.key === untouched.key)!.updatedAt).toEqual(untouched.updatedAt);
    expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).contentHash).toBe(hash);
  });
});
