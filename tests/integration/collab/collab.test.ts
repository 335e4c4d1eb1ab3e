import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeDocument } from "@/lib/collab/gateway";
import { DocumentTooLarge, loadDocumentState, MAX_STATE_BYTES, storeDocumentState } from "@/lib/collab/persistence";
import { storedStateForPage } from "@/lib/collab/storedState";
import { bodyName, fieldsName, sectionOrder } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument, updateDocument } from "@/lib/documents/documents";
import { listTemplates, templateAtVersion } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor } from "../../support/collab";
import { ctxFor, makeUser, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

async function newDocument(roles: ("editor" | "viewer")[] = []) {
  const ws = await makeWorkspace(roles);
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug })).find((t) => t.key === "technical-design") ?? (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  return { ws, ctx, doc };
}

/** Appends a paragraph with `text` to a section body, as an editor would. */
function typeInto(ydoc: Y.Doc, sectionKey: string, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = ydoc.getXmlFragment(bodyName(sectionKey));
  body.insert(body.length, [paragraph]);
}

describe("a never-opened document's state", () => {
  it("is built once: the page and the socket opening it at the same time share one history", async () => {
    const { ws, doc } = await newDocument();
    const ctx = ctxFor(ws.owner);
    const [page, socket] = await Promise.all([storedStateForPage(ctx, doc.id), loadDocumentState(testDb(), doc.id)]);
    expect(page).not.toBeNull();
    expect(Buffer.from(page!, "base64").equals(Buffer.from(socket))).toBe(true);

    // a browser that rendered the page's state, then synced with the server: no section twice
    const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    Y.applyUpdate(client.ydoc, Buffer.from(page!, "base64"));
    expect(await client.ready).toBe(true);
    const rows = await testDb().section.findMany({ where: { documentId: doc.id }, orderBy: { position: "asc" } });
    expect(sectionOrder(client.ydoc)).toEqual(rows.map((r) => r.key));
    const key = rows[0]!.key;
    expect(client.ydoc.getXmlFragment(bodyName(key)).toJSON()).toBe(sectionBodyXml(page!, key));
    client.close();
  });

  it("is not returned to a page from another workspace", async () => {
    const { doc } = await newDocument();
    const outsider = await makeWorkspace();
    const stateOf = async () => (await testDb().document.findUniqueOrThrow({ where: { id: doc.id }, omit: { yState: false } })).yState;
    const before = await stateOf();
    await expect(storedStateForPage(ctxFor(outsider.owner), doc.id)).rejects.toThrow();
    expect(await stateOf()).toEqual(before);
  });
});

/** A section body as XML, from a base64 state alone. */
function sectionBodyXml(state: string, key: string): string {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, Buffer.from(state, "base64"));
  return ydoc.getXmlFragment(bodyName(key)).toJSON();
}

describe("collaboration server", () => {
  it("loads a document's sections into the Y.Doc and stores edits with their projection", async () => {
    const { ws, ctx, doc } = await newDocument();
    const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    expect(await client.ready).toBe(true);
    const keys = sectionOrder(client.ydoc);
    expect(keys).toEqual((await getDocument(ctx, { documentId: doc.id })).sections.map((s) => s.key));

    typeInto(client.ydoc, keys[0]!, "Written live by the owner");
    await waitFor(async () => {
      const section = await testDb().section.findFirst({ where: { documentId: doc.id, key: keys[0] } });
      return section?.text.includes("Written live by the owner") ?? false;
    });
    const stored = await testDb().document.findUniqueOrThrow({ where: { id: doc.id }, omit: { yState: false } });
    expect(stored.yState?.byteLength).toBeGreaterThan(0);
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    client.close();
  });

  it("merges two editors typing in the same section", async () => {
    const { ws, doc } = await newDocument(["editor"]);
    const a = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const b = connect(server.url, doc.id, await sessionCookie(ws.members.editor[0]!.userId));
    expect(await Promise.all([a.ready, b.ready])).toEqual([true, true]);
    const key = sectionOrder(a.ydoc)[0]!;
    typeInto(a.ydoc, key, "from A");
    typeInto(b.ydoc, key, "from B");
    const both = (y: Y.Doc) => {
      const text = y.getXmlFragment(bodyName(key)).toString();
      return text.includes("from A") && text.includes("from B");
    };
    await waitFor(() => both(a.ydoc) && both(b.ydoc));
    a.close();
    b.close();
  });

  it("keeps a viewer's socket read-only: their edits reach neither the database nor others", async () => {
    const { ws, doc } = await newDocument(["viewer"]);
    const owner = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const viewer = connect(server.url, doc.id, await sessionCookie(ws.members.viewer[0]!.userId));
    expect(await Promise.all([owner.ready, viewer.ready])).toEqual([true, true]);
    const key = sectionOrder(viewer.ydoc)[0]!;
    typeInto(viewer.ydoc, key, "viewer was here");
    typeInto(owner.ydoc, key, "owner was here");
    await waitFor(() => viewer.ydoc.getXmlFragment(bodyName(key)).toString().includes("owner was here"));
    await waitFor(async () => (await testDb().section.findFirst({ where: { documentId: doc.id, key } }))?.text.includes("owner was here") ?? false);
    expect(owner.ydoc.getXmlFragment(bodyName(key)).toString()).not.toContain("viewer was here");
    expect((await testDb().section.findFirst({ where: { documentId: doc.id, key } }))?.text).not.toContain("viewer was here");
    owner.close();
    viewer.close();
  });

  it("refuses a socket without a session, or for another workspace's document", async () => {
    const { doc } = await newDocument();
    const anonymous = connect(server.url, doc.id, null);
    expect(await anonymous.ready).toBe(false);
    anonymous.close();
    const stranger = connect(server.url, doc.id, await sessionCookie((await makeUser("Stranger")).userId));
    expect(await stranger.ready).toBe(false);
    stranger.close();
    const forged = connect(server.url, doc.id, "next-auth.session-token=not-a-valid-token");
    expect(await forged.ready).toBe(false);
    forged.close();
  });

  it("applies server-side writes through the live Y.Doc so open editors see them", async () => {
    const { ws, ctx, doc } = await newDocument();
    const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    expect(await client.ready).toBe(true);
    const key = sectionOrder(client.ydoc)[0]!;
    await changeDocument(doc.id, (ydoc) => ydoc.getMap(fieldsName(key)).set("server_note", "set by the server"));
    await waitFor(() => client.ydoc.getMap(fieldsName(key)).get("server_note") === "set by the server");

    // the documents API edits fields the same way
    const def = await templateAtVersion(testDb(), doc.template.id, doc.template.version);
    const section = def.sections.find((s) => s.fields.some((f) => f.type === "select"))!;
    const field = section.fields.find((f) => f.type === "select")!;
    const option = field.options!.at(-1)!;
    await updateDocument(ctx, { documentId: doc.id, fields: { [section.key]: { [field.key]: option } } });
    await waitFor(() => client.ydoc.getMap(fieldsName(section.key)).get(field.key) === option);
    client.close();
  });

  it("refuses to store a document past the size limit and keeps what was stored before", async () => {
    const { doc } = await newDocument();
    const ydoc = new Y.Doc();
    const before = await loadDocumentState(testDb(), doc.id);
    Y.applyUpdate(ydoc, before);
    const key = sectionOrder(ydoc)[0]!;
    typeInto(ydoc, key, "x".repeat(MAX_STATE_BYTES + 1000));
    await expect(storeDocumentState(testDb(), doc.id, ydoc)).rejects.toBeInstanceOf(DocumentTooLarge);
    const stored = await testDb().document.findUniqueOrThrow({ where: { id: doc.id }, omit: { yState: false } });
    expect(Buffer.from(stored.yState!).equals(Buffer.from(before))).toBe(true);
    expect((await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key } })).text).not.toContain("xxxx");
  });
});

