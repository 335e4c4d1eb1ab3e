import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyName, fieldsName, SECTIONS, sectionsToYDoc, yDocToSections } from "@/lib/collab/ydoc";

function documentWithOneSection(): Y.Doc {
  const ydoc = new Y.Doc();
  sectionsToYDoc(ydoc, [
    {
      key: "overview",
      title: "Overview",
      depth: 1,
      fields: { owner: "ada" },
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Keep this text" }] }] },
    },
  ]);
  return ydoc;
}

describe("the projection of a Y.Doc that holds what the model does not allow", () => {
  it("keeps the text of a body with a script element, and reports the repair", () => {
    const ydoc = documentWithOneSection();
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(1)")]);
    ydoc.getXmlFragment(bodyName("overview")).insert(0, [script]);
    const repairs: string[] = [];
    const [section] = yDocToSections(ydoc, (key, what) => repairs.push(`${key}: ${what}`));
    expect(section!.text).toContain("Keep this text");
    expect(section!.text).toContain("alert(1)");
    expect(JSON.stringify(section!.body)).not.toContain("script");
    expect(repairs).toEqual(["overview: body outside the schema"]);
  });

  it.each([["abc"], [1e12], [-3], [2.5]])("gives a depth of %s a whole number from 1 to 6", (depth) => {
    const ydoc = documentWithOneSection();
    ydoc.getMap<Y.Map<unknown>>(SECTIONS).get("overview")!.set("depth", depth);
    const [section] = yDocToSections(ydoc);
    expect(Number.isInteger(section!.depth)).toBe(true);
    expect(section!.depth).toBeGreaterThanOrEqual(1);
    expect(section!.depth).toBeLessThanOrEqual(6);
  });

  it("keeps a section whose entry was replaced by a string, with its body", () => {
    const ydoc = documentWithOneSection();
    ydoc.getMap<unknown>(SECTIONS).set("overview", "oops");
    const [section] = yDocToSections(ydoc);
    expect(section).toMatchObject({ key: "overview", depth: 1 });
    expect(section!.text).toBe("Keep this text");
  });

  it("drops what PostgreSQL cannot store (NUL, lone surrogates) and odd field values", () => {
    const ydoc = documentWithOneSection();
    ydoc.getMap<Y.Map<unknown>>(SECTIONS).get("overview")!.set("title", "Over\u0000view\uD800");
    ydoc.getMap<unknown>(fieldsName("overview")).set("owner", "a\u0000da");
    ydoc.getMap<unknown>(fieldsName("overview")).set("count", 3);
    ydoc.getMap<unknown>(fieldsName("overview")).set("nested", new Y.Map());
    const [section] = yDocToSections(ydoc);
    expect(section!.title).toBe("Overview");
    expect(section!.fields).toEqual({ owner: "ada", count: "3" });
  });
});
