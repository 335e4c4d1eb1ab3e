import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "@/components/documents/RichText";
import { documentSchema } from "@/lib/editor/documentSchema";
import type { PMDoc } from "@/lib/editor/schema";
import { bodyToHtml } from "@/lib/export/pdf/bodyHtml";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";

const SOURCE = [
  "<!-- reviewer: check this -->",
  "",
  '<div onclick="alert(1)"><script>alert(2)</script></div>',
  "",
  'Water is H<sub>2</sub>O<img src=x onerror=alert(3)>, see ![diagram](/api/images/abc "Flow")[^1] and [spec].',
  "",
  "[spec]: https://spec.example",
  "",
  "[^1]: A note.",
].join("\n");

const body: PMDoc = markdownToDoc(SOURCE).doc;
const richText = renderToStaticMarkup(createElement(RichText, { doc: body }));
const printed = bodyToHtml(body, new Map());

/** The editor's DOM for every node, as ProseMirror's DOM specs (text children are text nodes). */
function editorSpecs(): unknown[] {
  const out: unknown[] = [];
  documentSchema.nodeFromJSON(body).descendants((node) => {
    const toDOM = node.type.spec.toDOM;
    if (toDOM && node.type.name !== "text") out.push(toDOM(node));
  });
  return out;
}

describe("raw HTML, images, footnotes and definitions in every renderer", () => {
  it("never renders raw HTML as markup: the read-only view and the PDF show its source", () => {
    for (const html of [richText, printed]) {
      expect(html).not.toMatch(/<script|<div onclick|<img src="?x/);
      expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
      expect(html).toContain("&lt;!-- reviewer: check this --&gt;");
      expect(html).toContain("&lt;sub&gt;");
    }
  });

  it("dims comments", () => {
    // the editor's own element and classes (app/globals.css and the print CSS dim .sw-raw-comment)
    for (const html of [richText, printed]) expect(html).toContain('<pre data-type="htmlBlock" class="sw-raw sw-raw-comment">&lt;!-- reviewer');
    expect(editorSpecs()).toContainEqual(["pre", { "data-type": "htmlBlock", class: "sw-raw sw-raw-comment" }, "<!-- reviewer: check this -->"]);
  });

  it("holds raw HTML in the editor as a text child, never as markup", () => {
    expect(editorSpecs()).toContainEqual(["code", { "data-type": "htmlInline", class: "sw-raw-inline" }, "<sub>"]);
  });

  it("shows images from safe addresses only", () => {
    expect(richText).toContain('src="/api/images/abc"');
    // the printer fetches nothing: an upload prints once its bytes are embedded (lib/export/images.ts), else as its alt text
    expect(printed).toContain('<span class="alt">diagram</span>');
    const embedded: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs: { src: "data:image/png;base64,iVBORw0KGgo=", alt: "diagram", title: "Flow" } }] }] };
    expect(bodyToHtml(embedded, new Map())).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="diagram" title="Flow"/>');
    const hostile: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs: { src: "javascript:alert(1)", alt: "hostile", title: null } }] }] };
    for (const html of [renderToStaticMarkup(createElement(RichText, { doc: hostile })), bodyToHtml(hostile, new Map())]) {
      expect(html).not.toContain("javascript:");
      expect(html).toContain("hostile");
    }
  });

  it("shows footnotes and link definitions", () => {
    for (const html of [richText, printed]) {
      expect(html).toContain("[1]");
      expect(html).toContain("[spec]: https://spec.example");
    }
    expect(printed).toContain("[^1]:");
    // read-only text as the editor draws it: the note's label comes from data-label (.sw-footnote::before)
    expect(richText).toContain('<div data-type="footnoteDefinition" data-identifier="1" data-label="1" class="sw-footnote">');
  });
});
