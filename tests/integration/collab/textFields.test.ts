import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editText } from "@/lib/collab/textFields";
import { fieldsName, sectionOrder, writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { updateDocument } from "@/lib/documents/documents";
import { listTemplates, templateAtVersion } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor } from "../../support/collab";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

/** A document whose first text field (in a template section) holds `value`, set through the documents API. */
async function documentWithTextField(value: string) {
  const ws = await makeWorkspace(["editor"]);
  const ctx = ctxFor(ws.owner);
  const templates = await listTemplates(ctx, { slug: ws.slug });
  const template = templates.find((t) => t.key === "enterprise-design")!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  const def = await templateAtVersion(testDb(), doc.template.id, doc.template.version);
  const rows = await testDb().section.findMany({ where: { documentId: doc.id } });
  const section = def.sections.find((s) => rows.some((r) => r.key === s.key) && s.fields.some((f) => f.type === "text"))!;
  const field = section.fields.find((f) => f.type === "text")!;
  await updateDocument(ctx, { documentId: doc.id, fields: { [section.key]: { [field.key]: value } } });
  return { ws, ctx, doc, sectionKey: section.key, fieldKey: field.key };
}

const storedField = async (documentId: string, sectionKey: string, fieldKey: string) =>
  ((await testDb().section.findFirst({ where: { documentId, key: sectionKey } }))?.fields as Record<string, unknown> | undefined)?.[fieldKey];

/** Closes the document and stores its field as an older version did (a plain string); returns the stored content hash. */
async function storeAsOlderVersion(documentId: string, sectionKey: string, fieldKey: string, value: string): Promise<string | null> {
  await server.collab.hocuspocus.closeConnections(documentId);
  await waitFor(() => !server.collab.hocuspocus.documents.has(documentId));
  const old = new Y.Doc();
  Y.applyUpdate(old, new Uint8Array((await testDb().document.findUniqueOrThrow({ where: { id: documentId }, omit: { yState: false } })).yState!));
  old.getMap<unknown>(fieldsName(sectionKey)).set(fieldKey, value);
  await testDb().document.update({ where: { id: documentId }, data: { yState: Buffer.from(Y.encodeStateAsUpdate(old)) } });
  return (await testDb().document.findUniqueOrThrow({ where: { id: documentId } })).contentHash;
}

/** Types `text` one keystroke at a time, at the start or at the end of the field, as an input would. */
function keystrokes(ydoc: Y.Doc, sectionKey: string, fieldKey: string, text: string, at: "start" | "end"): (() => void)[] {
  return [...text].map((_, i) => () => {
    const shared = ydoc.getMap<unknown>(fieldsName(sectionKey)).get(fieldKey) as Y.Text;
    const current = shared.toString();
    const typed = text.slice(0, i + 1);
    editText(shared, at === "start" ? typed + current.slice(i) : current + typed.slice(-1));
  });
}

describe("text fields", () => {
  it("merge two people typing into the same field at once, and store the merge", async () => {
    const { ws, doc, sectionKey, fieldKey } = await documentWithTextField("Specwright walk");
    const a = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const b = connect(server.url, doc.id, await sessionCookie(ws.members.editor[0]!.userId));
    expect(await Promise.all([a.ready, b.ready])).toEqual([true, true]);
    const value = (ydoc: Y.Doc) => String(ydoc.getMap<unknown>(fieldsName(sectionKey)).get(fieldKey) ?? "");
    expect(a.ydoc.getMap<unknown>(fieldsName(sectionKey)).get(fieldKey)).toBeInstanceOf(Y.Text);
    expect(value(a.ydoc)).toBe("Specwright walk");

    // interleaved keystrokes, none of them seen by the other side before all are typed
    const beta = keystrokes(b.ydoc, sectionKey, fieldKey, "BETA ", "start");
    const alpha = keystrokes(a.ydoc, sectionKey, fieldKey, " ALPHA", "end");
    for (let i = 0; i < Math.max(beta.length, alpha.length); i++) {
      alpha[i]?.();
      beta[i]?.();
    }
    const merged = "BETA Specwright walk ALPHA";
    await waitFor(() => value(a.ydoc) === merged && value(b.ydoc) === merged);
    await waitFor(async () => (await storedField(doc.id, sectionKey, fieldKey)) === merged, 8000);
    a.close();
    b.close();
  });

  it("are edited in place, as shared text, when the documents API sets them", async () => {
    const { ws, ctx, doc, sectionKey, fieldKey } = await documentWithTextField("Specwright walk");
    const a = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    expect(await a.ready).toBe(true);
    await updateDocument(ctx, { documentId: doc.id, fields: { [sectionKey]: { [fieldKey]: "Specwright run" } } });
    const shared = () => a.ydoc.getMap<unknown>(fieldsName(sectionKey)).get(fieldKey);
    await waitFor(() => String(shared()) === "Specwright run");
    expect(shared()).toBeInstanceOf(Y.Text);
    await waitFor(async () => (await storedField(doc.id, sectionKey, fieldKey)) === "Specwright run", 8000);
    a.close();
  });

  it("are converted on load from plain strings, keeping their value and the content hash", async () => {
    const { ws, doc, sectionKey, fieldKey } = await documentWithTextField("Typed before shared text");
    // a document stored by an older version: the field as a plain string
    const hash = await storeAsOlderVersion(doc.id, sectionKey, fieldKey, "Typed before shared text");

    const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    expect(await client.ready).toBe(true);
    const value = client.ydoc.getMap<unknown>(fieldsName(sectionKey)).get(fieldKey);
    expect(value).toBeInstanceOf(Y.Text);
    expect(String(value)).toBe("Typed before shared text");
    expect(await storedField(doc.id, sectionKey, fieldKey)).toBe("Typed before shared text");
    expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).contentHash).toBe(hash);
    client.close();
  });

  it("an editor writes as null (a section added from the template) become shared text at once", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const template = (await listTemplates(ctx, { slug: ws.slug })).find((t) => t.key === "enterprise-design")!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    const def = await templateAtVersion(testDb(), doc.template.id, doc.template.version);
    const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    expect(await client.ready).toBe(true);
    const section = def.sections.find((s) => sectionOrder(client.ydoc).includes(s.key) && s.fields.some((f) => f.type === "text"))!;
    const field = section.fields.find((f) => f.type === "text")!;
    // what "Add section" writes for a template section: every field null
    client.ydoc.transact(() =>
      writeSection(client.ydoc, { key: section.key, title: section.title, depth: section.depth, fields: Object.fromEntries(section.fields.map((f) => [f.key, null])), body: { type: "doc", content: [{ type: "paragraph" }] } }),
    );
    expect(client.ydoc.getMap<unknown>(fieldsName(section.key)).get(field.key)).toBeNull();
    await waitFor(() => client.ydoc.getMap<unknown>(fieldsName(section.key)).get(field.key) instanceof Y.Text);
    client.close();
  });
});

describe("a text field stored as an empty string", () => {
  it("is shared text from load on, reads as before, and keeps both people's first keystrokes", async () => {
    const { ws, doc, sectionKey, fieldKey } = await documentWithTextField("");
    await waitFor(async () => (await storedField(doc.id, sectionKey, fieldKey)) === "", 8000);
    // stored by an older version: the field as "" (a cleared long text was stored that way)
    const hash = await storeAsOlderVersion(doc.id, sectionKey, fieldKey, "");

    const a = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const b = connect(server.url, doc.id, await sessionCookie(ws.members.editor[0]!.userId));
    expect(await Promise.all([a.ready, b.ready])).toEqual([true, true]);
    const shared = (ydoc: Y.Doc) => ydoc.getMap<unknown>(fieldsName(sectionKey)).get(fieldKey);
    expect(shared(a.ydoc)).toBeInstanceOf(Y.Text);
    expect(shared(b.ydoc)).toBeInstanceOf(Y.Text);
    expect(await storedField(doc.id, sectionKey, fieldKey)).toBe("");
    expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).contentHash).toBe(hash);

    // both type their first characters before either hears the other
    const left = keystrokes(a.ydoc, sectionKey, fieldKey, "LEFT", "start");
    const right = keystrokes(b.ydoc, sectionKey, fieldKey, "RIGHT", "end");
    for (let i = 0; i < 5; i++) {
      left[i]?.();
      right[i]?.();
    }
    const value = (ydoc: Y.Doc) => String(shared(ydoc) ?? "");
    await waitFor(() => value(a.ydoc) === value(b.ydoc) && value(a.ydoc).length === 9);
    // both typed into the empty field at once: Yjs orders the two runs by client, each kept whole
    const merged = value(a.ydoc);
    expect(["LEFTRIGHT", "RIGHTLEFT"]).toContain(merged);
    await waitFor(async () => (await storedField(doc.id, sectionKey, fieldKey)) === merged, 8000);
    a.close();
    b.close();
  });
});
