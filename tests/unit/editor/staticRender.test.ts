import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { escapeHTML, renderJSONContentToString, serializeChildrenToHTMLString } from "@tiptap/static-renderer/json/html-string";
import { domOutputSpecToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { Mark, Node } from "prosemirror-model";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { RichText } from "@/components/documents/RichText";
import { sectionTextHtml } from "@/components/documents/sectionTextHtml";
import { loadHighlighter } from "@/lib/editor/codeHighlight";
import { documentSchema, normalizeDoc } from "@/lib/editor/documentSchema";
import { documentExtensions } from "@/lib/editor/extensions";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { documentMappings, renderableDoc } from "@/lib/editor/staticRender";
import { bodyToHtml } from "@/lib/export/pdf/bodyHtml";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";
import everyNode from "../../fixtures/render/everyNode.json";

// Issue 17: the read-only page, versions and the PDF render a body with tiptap's static
// renderer from the node specs the extension list renders with, overriding only the nodes
// each shows differently. The recorded outputs were compared, node by node, with those of the
// hand-written renderers they replaced (same text everywhere; the PDF now prints the editor's
// classes, a definition as a div, alignment as a style, and a link inside its other marks).

const EVERY_NODE = normalizeDoc(everyNode as PMDoc);
const diagrams = new Map([["flowchart LR\n  a --> b", { svg: '<svg id="m1"><text>a</text></svg>' }]]);

function seedsDir(): string {
  const beside = path.resolve("../shared/seeds");
  return existsSync(beside) ? beside : "/work/shared/seeds";
}

/** Each seed document's section bodies, imported as the product imports them. */
function seeds(): { name: string; bodies: PMDoc[] }[] {
  return readdirSync(seedsDir())
    .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
    .sort()
    .map((name) => ({ name, bodies: importMarkdown(repairMojibake(readFileSync(path.join(seedsDir(), name), "utf8"))).sections.map((s) => normalizeDoc(s.body)) }));
}

// imported once for the whole file: importing the five seeds is most of its work
const SEEDS = seeds();
const SEED_BODIES = [EVERY_NODE, ...SEEDS.flatMap((seed) => seed.bodies)];

const readOnly = (body: PMNode) => renderToStaticMarkup(createElement(RichText, { doc: body }));
const printed = (body: PMNode) => bodyToHtml(body, diagrams);

function typesIn(node: PMNode, nodes = new Set<string>(), marks = new Set<string>()): { nodes: Set<string>; marks: Set<string> } {
  nodes.add(node.type);
  for (const mark of node.marks ?? []) marks.add(mark.type);
  for (const child of node.content ?? []) typesIn(child, nodes, marks);
  return { nodes, marks };
}

describe("static rendering of a body", () => {
  // the PDF highlights code once the highlighter is loaded (renderPdf loads it first)
  beforeAll(async () => {
    await loadHighlighter();
  });

  it("has a fixture with every node and mark of the schema", () => {
    const { nodes, marks } = typesIn(EVERY_NODE);
    expect([...nodes].sort()).toEqual(Object.keys(documentSchema.nodes).sort());
    expect([...marks].sort()).toEqual(Object.keys(documentSchema.marks).sort());
  });

  it("renders every node and mark read-only as recorded", async () => {
    await expect(readOnly(EVERY_NODE)).toMatchFileSnapshot("../../fixtures/render/everyNode.readOnly.html");
  });

  it("prints every node and mark as recorded", async () => {
    await expect(printed(EVERY_NODE).replaceAll("</p><", "</p>\n<")).toMatchFileSnapshot("../../fixtures/render/everyNode.print.html");
  });

  it.each(SEEDS.map((seed) => [seed.name, seed.bodies] as const))("renders seed %s read-only and printed as recorded", async (name, bodies) => {
    const html = bodies.map((body) => `${readOnly(body)}\n${printed(body)}\n`).join("\n");
    await expect(html).toMatchFileSnapshot(`../../fixtures/render/seeds/${name.replace(/\.\w+$/, "")}.html`);
  });

  // the page draws a section without an editor as one HTML string: RichText's markup exactly
  it("draws a section's text as the same HTML as the read-only text", () => {
    for (const body of SEED_BODIES) {
      // React adds preload hints for images and writes two attribute names in camel case (HTML ignores their case)
      const inner = readOnly(body)
        .replace(/^(<link rel="preload"[^>]*\/>)*<div class="sw-prose[^"]*">/, "")
        .replace(/<\/div>$/, "")
        .replace(/ (col|row)Span=/g, " $1span=");
      expect(sectionTextHtml(body, null)).toBe(inner);
    }
  });

  it("highlights a section's code once the highlighter is loaded, its text escaped", async () => {
    const body: PMNode = { type: "doc", content: [{ type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: 'const a = "<b>";' }] }] };
    const plain = sectionTextHtml(body, null);
    expect(plain).toContain('<code class="language-ts">const a = &quot;&lt;b&gt;&quot;;</code>');
    const highlighted = sectionTextHtml(body, await loadHighlighter());
    expect(highlighted).toContain('<span class="hljs-keyword">const</span>');
    expect(highlighted).toContain("&lt;b&gt;");
    expect(highlighted).not.toContain("<b>");
  });

  // the nodes neither rendering overrides are exactly what the extension list renders
  it("renders as tiptap renders the extension list, but for links it refuses", { timeout: 30_000 }, () => {
    const target = { fromSpec: domOutputSpecToHTMLString, fragment: serializeChildrenToHTMLString, text: escapeHTML };
    const render = renderJSONContentToString<Mark, Node>(documentMappings(target));
    for (const body of SEED_BODIES) {
      const ours = render({ content: renderableDoc(body) });
      const theirs = renderToHTMLString({ content: documentSchema.nodeFromJSON(body), extensions: documentExtensions });
      expect(ours).toBe(theirs.replace('<a rel="noopener noreferrer nofollow">refused one</a>', "refused one"));
    }
  });
});
