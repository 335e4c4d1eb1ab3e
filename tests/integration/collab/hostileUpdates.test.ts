import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyName, fieldsName, ORDER, SECTIONS, sectionOrder } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor } from "../../support/collab";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

/** A value of any kind a modified client could put into a Y.Doc. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constant("x".repeat(30_000)),
  fc.constant("nul\u0000byte"),
  fc.constant("lone\uD800surrogate"),
  fc.integer(),
  fc.constantFrom(1e12, -1, 0, 2.5, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const elementName = fc.oneof(fc.constantFrom("script", "iframe", "img", "paragraph", "heading", "codeBlock", "mermaid", "table", "doc", "text"), fc.string({ minLength: 1, maxLength: 12 }));
const attrName = fc.oneof(fc.constantFrom("level", "onclick", "href", "language", "checked", "source", "colspan", "style"), fc.string({ minLength: 1, maxLength: 8 }));
const markName = fc.oneof(fc.constantFrom("bold", "link", "code", "blink", "script"), fc.string({ minLength: 1, maxLength: 8 }));

type Hostile = (ydoc: Y.Doc, key: string) => void;

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.tuple(fc.constantFrom("depth", "title", "color"), anyValue).map(([attr, value]): Hostile => (ydoc, key) => ydoc.getMap<Y.Map<unknown>>(SECTIONS).get(key)?.set(attr, value)),
  anyValue.map((value): Hostile => (ydoc, key) => ydoc.getMap<unknown>(SECTIONS).set(key, value)),
  fc.tuple(fc.string({ maxLength: 100 }), anyValue).map(([key, value]): Hostile => (ydoc) => ydoc.getMap<unknown>(SECTIONS).set(key, value)),
  fc.tuple(elementName, attrName, anyValue, fc.string({ maxLength: 20 })).map(([name, attr, value, text]): Hostile => (ydoc, key) => {
    const element = new Y.XmlElement(name);
    element.setAttribute(attr, value as string);
    element.insert(0, [new Y.XmlText(text)]);
    ydoc.getXmlFragment(bodyName(key)).insert(0, [element]);
  }),
  fc.tuple(markName, anyValue).map(([mark, attrs]): Hostile => (ydoc, key) => {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    text.insert(0, "marked", { [mark]: attrs });
    paragraph.insert(0, [text]);
    ydoc.getXmlFragment(bodyName(key)).insert(0, [paragraph]);
  }),
  fc.tuple(fc.string({ maxLength: 20 }), anyValue).map(([field, value]): Hostile => (ydoc, key) => ydoc.getMap<unknown>(fieldsName(key)).set(field, value)),
  anyValue.map((value): Hostile => (ydoc) => ydoc.getArray<unknown>(ORDER).push([value])),
  fc.string({ minLength: 1, maxLength: 20 }).map((name): Hostile => (ydoc) => ydoc.getMap(name).set("x", 1)),
);

describe("generated hostile changes through a real socket", () => {
  it("never stop the document from storing the next legitimate edit", async () => {
    const ws = await makeWorkspace(["editor"]);
    const ctx = ctxFor(ws.owner);
    const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
    const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
    const attackerCookie = await sessionCookie(ws.members.editor[0]!.userId);
    const owner = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const saved: string[] = [];
    owner.provider.on("stateless", ({ payload }: { payload: string }) => saved.push(payload));
    expect(await owner.ready).toBe(true);
    const key = sectionOrder(owner.ydoc)[0]!;
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 3 }), async (changes) => {
        run += 1;
        const attacker = connect(server.url, doc.id, attackerCookie);
        expect(await attacker.ready).toBe(true);
        for (const change of changes) {
          try {
            attacker.ydoc.transact(() => change(attacker.ydoc, key));
          } catch {
            // the change could not even be made locally: nothing to send
          }
        }
        // the attacker's messages are handled before the owner's, which come after on another socket
        await new Promise((r) => setTimeout(r, 100));
        attacker.close();

        const marker = `legitimate edit ${run}`;
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(marker)]);
        const body = owner.ydoc.getXmlFragment(bodyName(key));
        body.insert(body.length, [paragraph]);
        const before = saved.length;
        owner.provider.sendStateless("save");
        await waitFor(() => saved.slice(before).some((m) => m.includes('"saved"') || m.includes("store-failed")));
        expect(saved.slice(before).some((m) => m.includes("store-failed"))).toBe(false);
        const rows = await testDb().section.findMany({ where: { documentId: doc.id } });
        expect(rows.find((r) => r.key === key)?.text).toContain(marker);
        for (const row of rows) expect(Number.isInteger(row.depth) && row.depth >= 1 && row.depth <= 6).toBe(true);
      }),
      { numRuns: 20 },
    );
    owner.close();
  }, 180_000);
});
