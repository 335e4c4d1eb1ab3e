import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyName, fieldsName, sectionsToYDoc, writeSection, yDocToSections, type SectionContent } from "@/lib/collab/ydoc";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";

const section = (key: string, markdown: string): SectionContent => ({
  key,
  title: key,
  depth: 1,
  fields: { owner: "Ada" },
  body: normalizeDoc(markdownToDoc(markdown).doc),
});

function documentOf(): Y.Doc {
  const ydoc = new Y.Doc();
  sectionsToYDoc(ydoc, [section("a", "First text."), section("b", "| x | y |\n|---|---|\n| 1 | 2 |"), section("c", "Third text.")]);
  return ydoc;
}

/** The projection read without any cache: a fresh Y.Doc with the same state. */
const fresh = (ydoc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  return yDocToSections(copy);
};

const byKey = (ydoc: Y.Doc) => new Map(yDocToSections(ydoc).map((s) => [s.key, s]));

describe("projecting a Y.Doc again", () => {
  it("hands back the very same body and fields for sections nobody changed, and reads a changed one again", () => {
    const ydoc = documentOf();
    const first = byKey(ydoc);
    ((ydoc.getXmlFragment(bodyName("a")).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "New ");
    const second = byKey(ydoc);
    expect(second.get("b")!.body).toBe(first.get("b")!.body);
    expect(second.get("c")!.fields).toBe(first.get("c")!.fields);
    expect(second.get("a")!.body).not.toBe(first.get("a")!.body);
    expect(second.get("a")!.text).toBe("New First text.");
    expect(yDocToSections(ydoc)).toEqual(fresh(ydoc));
  });

  it("reads a section again after a change deep inside it, to its fields, or to its whole body", () => {
    const ydoc = documentOf();
    byKey(ydoc);
    // a table cell's text, three levels down
    const table = ydoc.getXmlFragment(bodyName("b")).get(0) as Y.XmlElement;
    const cell = (table.get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    ((cell.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(1, "0");
    expect(byKey(ydoc).get("b")!.text).toContain("10");
    ydoc.getMap(fieldsName("c")).set("owner", "Grace");
    expect(byKey(ydoc).get("c")!.fields).toEqual({ owner: "Grace" });
    ydoc.transact(() => writeSection(ydoc, section("a", "Replaced whole.")));
    expect(byKey(ydoc).get("a")!.text).toBe("Replaced whole.");
    expect(yDocToSections(ydoc)).toEqual(fresh(ydoc));
  });

  it("follows changes that arrive from another copy, and titles and order however they change", () => {
    const ydoc = documentOf();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    byKey(ydoc);
    other.getMap(fieldsName("a")).set("owner", "Lin");
    ((other.getXmlFragment(bodyName("c")).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 6);
    (other.getMap("sections").get("b") as Y.Map<unknown>).set("title", "Renamed");
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    const now = byKey(ydoc);
    expect(now.get("a")!.fields).toEqual({ owner: "Lin" });
    expect(now.get("c")!.text).toBe("text.");
    expect(now.get("b")!.title).toBe("Renamed");
    expect(yDocToSections(ydoc)).toEqual(yDocToSections(other));
  });

  it("reads afresh inside a transaction that already changed a section", () => {
    const ydoc = documentOf();
    byKey(ydoc);
    let inside = "";
    ydoc.transact(() => {
      ((ydoc.getXmlFragment(bodyName("a")).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Mid ");
      inside = byKey(ydoc).get("a")!.text;
    });
    expect(inside).toBe("Mid First text.");
    expect(byKey(ydoc).get("a")!.text).toBe("Mid First text.");
  });
});
