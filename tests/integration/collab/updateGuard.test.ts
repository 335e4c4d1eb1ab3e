import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyName, fieldsName, SECTIONS, sectionOrder } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates, templateAtVersion } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor, type TestClient } from "../../support/collab";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

async function newDocument() {
  const ws = await makeWorkspace(["editor"]);
  const ctx = ctxFor(ws.owner);
  const templates = await listTemplates(ctx, { slug: ws.slug });
  const template = templates.find((t) => t.key === "technical-design") ?? templates[0]!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  return { ws, doc, cookie: await sessionCookie(ws.owner.userId), editorCookie: await sessionCookie(ws.members.editor[0]!.userId) };
}

/** A connected client and every stateless message it receives, parsed. */
async function open(documentId: string, cookie: string): Promise<{ client: TestClient; messages: { type?: string; message?: string }[] }> {
  const client = connect(server.url, documentId, cookie);
  const messages: { type?: string; message?: string }[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => messages.push(JSON.parse(payload) as { type?: string; message?: string }));
  expect(await client.ready).toBe(true);
  return { client, messages };
}

function typeInto(ydoc: Y.Doc, sectionKey: string, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = ydoc.getXmlFragment(bodyName(sectionKey));
  body.insert(body.length, [paragraph]);
}

const storedText = async (documentId: string, key: string) => (await testDb().section.findFirst({ where: { documentId, key } }))?.text ?? "";

/** The hostile changes of issue 14, each made the way a modified client would. */
const PAYLOADS: Record<string, (ydoc: Y.Doc, key: string) => void> = {
  "a script element in a body": (ydoc, key) => {
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(1)")]);
    ydoc.getXmlFragment(bodyName(key)).insert(0, [script]);
  },
  'a section depth of "abc"': (ydoc, key) => ydoc.getMap<Y.Map<unknown>>(SECTIONS).get(key)!.set("depth", "abc"),
  "a section depth of 1e12": (ydoc, key) => ydoc.getMap<Y.Map<unknown>>(SECTIONS).get(key)!.set("depth", 1e12),
  "a sections entry replaced by a string": (ydoc, key) => ydoc.getMap<unknown>(SECTIONS).set(key, "not a section"),
  "an unknown mark": (ydoc, key) => {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    text.insert(0, "marked", { blink: {} });
    paragraph.insert(0, [text]);
    ydoc.getXmlFragment(bodyName(key)).insert(0, [paragraph]);
  },
  "a NUL byte in a title": (ydoc, key) => ydoc.getMap<Y.Map<unknown>>(SECTIONS).get(key)!.set("title", "a\u0000b"),
  "a new part of the document": (ydoc) => ydoc.getMap("evil").set("x", 1),
};

describe("changes from a socket", () => {
  for (const [name, poison] of Object.entries(PAYLOADS)) {
    it(`refuses ${name}, tells the sender, and stores the next legitimate edit`, async () => {
      const { doc, cookie, editorCookie } = await newDocument();
      const attacker = await open(doc.id, editorCookie);
      const key = sectionOrder(attacker.client.ydoc)[0]!;
      poison(attacker.client.ydoc, key);
      await waitFor(() => attacker.messages.some((m) => m.type === "update-refused"));
      expect(attacker.messages.find((m) => m.type === "update-refused")?.message).toMatch(/^Your last change could not be saved: .+/);

      const owner = await open(doc.id, cookie);
      typeInto(owner.client.ydoc, key, "still saving after the attack");
      await waitFor(async () => (await storedText(doc.id, key)).includes("still saving after the attack"));
      const section = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key } });
      expect(section.depth).toBeGreaterThanOrEqual(1);
      expect(section.depth).toBeLessThanOrEqual(6);
      expect(JSON.stringify(section.body)).not.toContain("script");
      // the live document never saw it: a fresh editor does not either
      expect(owner.client.ydoc.getMap(SECTIONS).get(key)).toBeInstanceOf(Y.Map);
      expect(owner.client.ydoc.getXmlFragment(bodyName(key)).toString()).not.toContain("<script>");
      attacker.client.close();
      owner.client.close();
    });
  }

  it("checks field values against the template's field types", async () => {
    const { doc, editorCookie } = await newDocument();
    const def = await templateAtVersion(testDb(), doc.template.id, doc.template.version);
    const section = def.sections.find((s) => s.fields.some((f) => f.type === "select"))!;
    const field = section.fields.find((f) => f.type === "select")!;
    const editor = await open(doc.id, editorCookie);
    editor.client.ydoc.getMap(fieldsName(section.key)).set(field.key, "not one of the options");
    await waitFor(() => editor.messages.some((m) => m.type === "update-refused"));
    expect(editor.messages.find((m) => m.type === "update-refused")?.message).toContain(field.label);
    editor.client.close();

    const again = await open(doc.id, editorCookie);
    expect(again.client.ydoc.getMap(fieldsName(section.key)).get(field.key)).not.toBe("not one of the options");
    again.client.ydoc.getMap(fieldsName(section.key)).set(field.key, field.options![0]!);
    await waitFor(async () => ((await testDb().section.findFirst({ where: { documentId: doc.id, key: section.key } }))?.fields as Record<string, unknown>)?.[field.key] === field.options![0]);
    again.client.close();
  });

  it("lets a URL or a version be typed a character at a time", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const template = (await listTemplates(ctx, { slug: ws.slug })).find((t) => t.key === "enterprise-design")!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    const def = await templateAtVersion(testDb(), doc.template.id, doc.template.version);
    const section = def.sections.find((s) => s.fields.some((f) => f.type === "url") && s.fields.some((f) => f.type === "version"))!;
    const url = section.fields.find((f) => f.type === "url")!;
    const version = section.fields.find((f) => f.type === "version")!;
    const editor = await open(doc.id, await sessionCookie(ws.owner.userId));
    const fields = editor.client.ydoc.getMap(fieldsName(section.key));
    const typed = "https://plans.example.test/x";
    for (let i = 1; i <= typed.length; i++) fields.set(url.key, typed.slice(0, i));
    for (const partial of ["1", "1.", "1.2"]) fields.set(version.key, partial);
    await waitFor(async () => {
      const stored = (await testDb().section.findFirst({ where: { documentId: doc.id, key: section.key } }))?.fields as Record<string, unknown> | undefined;
      return stored?.[url.key] === typed && stored?.[version.key] === "1.2";
    });
    expect(editor.messages.filter((m) => m.type === "update-refused")).toEqual([]);
    editor.client.close();
  });

  it("lets ordinary editing through: rich text, titles, depths and new sections", async () => {
    const { doc, editorCookie } = await newDocument();
    const editor = await open(doc.id, editorCookie);
    const ydoc = editor.client.ydoc;
    const key = sectionOrder(ydoc)[0]!;
    ydoc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      text.insert(0, "bold link", { bold: {}, link: { href: "https://example.test" } });
      paragraph.insert(0, [text]);
      const heading = new Y.XmlElement("heading");
      heading.setAttribute("level", 2 as unknown as string);
      heading.insert(0, [new Y.XmlText("A heading")]);
      ydoc.getXmlFragment(bodyName(key)).insert(0, [heading, paragraph]);
      ydoc.getMap<Y.Map<unknown>>(SECTIONS).get(key)!.set("title", "Renamed");
      ydoc.getMap<Y.Map<unknown>>(SECTIONS).get(key)!.set("depth", 2);
    });
    await waitFor(async () => (await testDb().section.findFirst({ where: { documentId: doc.id, key } }))?.title === "Renamed");
    expect(editor.messages.filter((m) => m.type === "update-refused")).toEqual([]);
    expect(await storedText(doc.id, key)).toContain("bold link");
    editor.client.close();
  });
});
