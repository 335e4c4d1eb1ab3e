import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { partProblems, textEditProblems, typedOnly } from "@/lib/collab/documentRules";
import { bodyName, fieldsName, writeSection } from "@/lib/collab/ydoc";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";

function problemsOf(body: PMDoc): string[] {
  const ydoc = new Y.Doc();
  writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body });
  return [...partProblems(ydoc, { kind: "body", key: "s1" }, () => undefined)];
}

const paragraph = (...content: PMNode[]): PMDoc => ({ type: "doc", content: [{ type: "paragraph", content }] });
const linked = (attrs: Record<string, string | null>): PMDoc => paragraph({ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://a.example", ...attrs } }] });

describe("document rules for Markdown nodes", () => {
  it("accept every node and attribute a converted Markdown file holds", () => {
    const md = [
      "See [ref], <https://a.example>, https://b.example, ![alt](/api/images/abc \"T\") and ![logo][logo][^1].",
      "",
      "<!-- comment -->",
      "",
      "H<sub>2</sub>O",
      "",
      "- loose",
      "",
      "- list",
      "",
      "1. [x] numbered task",
      "",
      "```ts title=\"a.ts\"",
      "x",
      "```",
      "",
      "[ref]: https://ref.example \"Ref\"",
      "[logo]: /logo.png",
      "[bad]: javascript:alert(1)",
      "",
      "[^1]: Note.",
    ].join("\n");
    expect(problemsOf(markdownToDoc(md).doc)).toEqual([]);
  });

  it.each<[string, PMDoc]>([
    ["an image from javascript:", paragraph({ type: "image", attrs: { src: "javascript:alert(1)", alt: "", title: null, reference: null, referenceType: null } })],
    ["an image from data:", paragraph({ type: "image", attrs: { src: "data:image/svg+xml,<svg onload=alert(1)>", alt: "", title: null, reference: null, referenceType: null } })],
    ["a link definition to javascript:", { type: "doc", content: [{ type: "definition", attrs: { identifier: "a", label: "a", url: "javascript:alert(1)", title: null } }] }],
    ["a link with an unknown reference type", linked({ reference: "a", referenceType: "sideways" })],
    ["a link with an unknown autolink form", linked({ autolink: "script" })],
    ["raw HTML that cannot be stored", { type: "doc", content: [{ type: "htmlBlock", attrs: { html: "a\u0000b" } }] }],
    ["raw HTML beyond the size limit", paragraph({ type: "htmlInline", attrs: { html: "x".repeat(100_001) } })],
    ["a list spread that is not a boolean", { type: "doc", content: [{ type: "bulletList", attrs: { spread: "yes" }, content: [{ type: "listItem", content: [{ type: "paragraph" }] }] }] }],
  ])("refuse %s", (_name, body) => {
    expect(problemsOf(body)).not.toEqual([]);
  });

  it.each([
    ["image", { src: "/a.png", alt: "", onerror: "alert(1)" }],
    ["footnoteReference", { identifier: "1", label: "1", href: "javascript:x" }],
    ["htmlInline", { html: "<b>", class: "fixed inset-0" }],
  ])("refuse an inline %s with an attribute it does not have, written straight into the Yjs text", (type, attrs) => {
    const ydoc = new Y.Doc();
    writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body: { type: "doc", content: [{ type: "paragraph" }] } });
    const element = new Y.XmlElement(type);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    (ydoc.getXmlFragment(bodyName("s1")).get(0) as Y.XmlElement).insert(0, [element]);
    expect([...partProblems(ydoc, { kind: "body", key: "s1" }, () => undefined)].join(" ")).toContain("unknown attribute");
  });
});

describe("checking only the elements whose text changed", () => {
  const texts = (ydoc: Y.Doc): Y.XmlText[] => {
    const out: Y.XmlText[] = [];
    const walk = (node: Y.XmlFragment | Y.XmlElement) =>
      node.toArray().forEach((child) => (child instanceof Y.XmlText ? out.push(child) : child instanceof Y.XmlElement && walk(child)));
    walk(ydoc.getXmlFragment(bodyName("s1")));
    return out;
  };

  it("finds nothing wrong where the whole body is fine, for text in every kind of element", () => {
    const md = ["# Title", "", "Some **bold** and [a link](https://a.example) and `code`.", "", "- item", "  - [x] nested task", "", "> quote", "", "| a | b |", "|---|---|", "| 1 | 2 |", "", "```ts", "let x = 1;", "```", "", "Text[^1] with <sub>html</sub>.", "", "[^1]: A note."].join("\n");
    const ydoc = new Y.Doc();
    writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body: markdownToDoc(md).doc });
    expect([...partProblems(ydoc, { kind: "body", key: "s1" }, () => undefined)]).toEqual([]);
    const all = texts(ydoc);
    expect(all.length).toBeGreaterThan(8);
    for (const text of all) expect(textEditProblems([text])).toEqual(new Set());
  });

  it("finds what the whole-body check finds in the element typed in", () => {
    const ydoc = new Y.Doc();
    writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body: paragraph({ type: "text", text: "x" }) });
    const [text] = texts(ydoc);
    text!.format(0, 1, { blink: {} });
    expect([...partProblems(ydoc, { kind: "body", key: "s1" }, () => undefined)]).toEqual(["unknown mark blink"]);
    expect([...textEditProblems([text!])!]).toEqual(["unknown mark blink"]);
  });

  it("leaves a change to anything but existing text to the whole-body check", () => {
    const ydoc = new Y.Doc();
    writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body: paragraph({ type: "text", text: "x" }) });
    const body = ydoc.getXmlFragment(bodyName("s1"));
    expect(textEditProblems([body])).toBeNull();
    expect(textEditProblems([body.get(0) as Y.XmlElement])).toBeNull();
  });
});

describe("telling a change that only typed characters", () => {
  /** Whether `change`, made in one transaction on a document of a paragraph, a code block and a Mermaid diagram, only typed. */
  function onlyTyped(change: (body: Y.XmlFragment, ydoc: Y.Doc) => void): boolean {
    const ydoc = new Y.Doc();
    const body: PMDoc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Intro" }] },
        { type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "let x = 1;" }] },
        { type: "mermaid", attrs: { source: "graph TD; A-->B" } },
      ],
    };
    writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body });
    ydoc.getMap(fieldsName("s1")).set("summary", new Y.Text("s"));
    let seen: boolean | undefined;
    ydoc.on("afterTransaction", (tr: Y.Transaction) => (seen = typedOnly(tr)));
    ydoc.transact(() => change(ydoc.getXmlFragment(bodyName("s1")), ydoc));
    return seen!;
  }
  const text = (body: Y.XmlFragment, index: number) => (body.get(index) as Y.XmlElement).get(0) as Y.XmlText;

  it("is true for characters typed or deleted in paragraphs and code blocks, in one change or several places", () => {
    expect(onlyTyped((body) => text(body, 0).insert(5, " more"))).toBe(true);
    expect(onlyTyped((body) => text(body, 0).delete(0, 2))).toBe(true);
    expect(onlyTyped((body) => (text(body, 0).insert(0, "x"), text(body, 1).delete(3, 2), text(body, 1).insert(0, "// ")))).toBe(true);
  });

  it.each([
    ["formatting", (body: Y.XmlFragment) => text(body, 0).format(0, 2, { bold: {} })],
    ["characters typed with a mark", (body: Y.XmlFragment) => text(body, 0).insert(5, "!", { italic: {} })],
    ["something embedded in the text", (body: Y.XmlFragment) => text(body, 0).insertEmbed(1, { script: "x" })],
    ["text PostgreSQL cannot store", (body: Y.XmlFragment) => text(body, 0).insert(5, "\uD800")],
    ["a new paragraph", (body: Y.XmlFragment) => body.insert(0, [new Y.XmlElement("paragraph")])],
    ["a paragraph removed", (body: Y.XmlFragment) => body.delete(0, 1)],
    ["an attribute changed", (body: Y.XmlFragment) => (body.get(2) as Y.XmlElement).setAttribute("source", "graph LR")],
    ["text put inside a diagram", (body: Y.XmlFragment) => (body.get(2) as Y.XmlElement).insert(0, [new Y.XmlText("x")])],
    ["a field's text", (_body: Y.XmlFragment, ydoc: Y.Doc) => (ydoc.getMap(fieldsName("s1")).get("summary") as Y.Text).insert(1, "x")],
  ])("is false for %s", (_what, change) => {
    expect(onlyTyped(change)).toBe(false);
  });
});
