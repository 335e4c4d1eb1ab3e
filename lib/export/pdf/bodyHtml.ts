import { renderJSONContentToString } from "@tiptap/static-renderer/json/html-string";
import { domOutputSpecToHTMLString, serializeChildrenToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { Mark, Node } from "prosemirror-model";
import { codeLanguage, highlightedHtml, loadedHighlighter } from "../../editor/codeHighlight";
import type { PMNode } from "../../editor/schema";
import { documentMappings, renderableDoc, type NodeRender } from "../../editor/staticRender";
import { explainMermaidError } from "../../mermaid/explainError";
import type { DiagramResult } from "./mermaid";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Diagrams drawn for this document, by Mermaid source. */
export type Diagrams = ReadonlyMap<string, DiagramResult>;

type Render = NodeRender<string>;

// A printed body is the editor's HTML (nodeSpecs.ts toDOM, through tiptap's static renderer;
// css.ts styles the editor's classes) but for the nodes printed differently below.
const editorMappings = documentMappings<string>({ fromSpec: domOutputSpecToHTMLString, fragment: serializeChildrenToHTMLString, text: escapeHtml });

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * Images print only as embedded bytes: the printer fetches nothing. `embedImages`
 * (lib/export/images.ts) replaces each uploaded image's src by a data: URI read within the
 * document's workspace; any other src (a web address, a file that was never uploaded)
 * prints as the image's alt text.
 */
const EMBEDDED = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

const image: Render = ({ node }) => {
  const src = str(node.attrs.src);
  const alt = str(node.attrs.alt);
  if (!EMBEDDED.test(src)) return domOutputSpecToHTMLString(["span", { class: "alt" }, alt])();
  const title = str(node.attrs.title);
  return domOutputSpecToHTMLString(["img", title ? { src, alt, title } : { src, alt }])();
};

/** A task: its state as a printed box, then its first paragraph's text on the same line, then the rest. */
const boxed: Render = ({ node, renderElement }) => {
  const parts = [domOutputSpecToHTMLString(["span", { class: "box" }, node.attrs.checked === true ? "☑" : "☐"])()];
  node.forEach((child, _offset, index) => {
    if (index === 0 && child.type.name === "paragraph") child.forEach((inline) => void parts.push(serializeChildrenToHTMLString(renderElement({ content: inline, parent: child }))));
    else parts.push(serializeChildrenToHTMLString(renderElement({ content: child, parent: node })));
  });
  return `<li>${parts.join("")}</li>`;
};

function diagram(source: string, diagrams: Diagrams): string {
  const result = diagrams.get(source);
  if (result && "svg" in result) return `<figure class="diagram">${result.svg}</figure>`;
  const reason = result && "error" in result ? explainMermaidError(source, { message: result.error }) : "not drawn";
  return `<div class="diagram-error"><p>This Mermaid diagram could not be drawn (${escapeHtml(reason ?? "")}); its source:</p><pre><code>${escapeHtml(source)}</code></pre></div>`;
}

/** The nodes a page prints differently from the editor, given the diagrams drawn for it. */
function printNodes(diagrams: Diagrams): Record<string, Render> {
  return {
    // body headings sit below the section's own heading level; their size follows their own
    // level (class bh1…bh6, css.ts), as in the editor
    heading: ({ node, children }) => {
      const level = Math.min(6, Math.max(1, Math.trunc(Number(node.attrs.level)) || 3));
      return domOutputSpecToHTMLString([`h${Math.max(3, Math.min(6, level + 1))}`, { class: `bh${level}` }, 0])(children);
    },
    listItem: (props) => (typeof props.node.attrs.checked === "boolean" ? boxed(props) : editorMappings.nodeMapping["listItem"]!(props)),
    taskItem: boxed,
    // highlighted once the highlighter is loaded (renderPdf loads it first)
    codeBlock: ({ node }) => `<pre><code>${highlightedHtml(node.textContent, codeLanguage(node.attrs), loadedHighlighter(), escapeHtml)}</code></pre>`,
    mermaid: ({ node }) => diagram(str(node.attrs.source), diagrams),
    image,
    // the label the page draws with CSS (.sw-footnote::before), printed as text
    footnoteDefinition: ({ node, children }) => {
      const label = `[^${str(node.attrs.label) || str(node.attrs.identifier)}]:`;
      return domOutputSpecToHTMLString(["div", { class: "sw-footnote" }, ["span", { class: "footnote-label" }, label], ["div", 0]])(children);
    },
  };
}

/** One top-level block of a body as printed HTML; headings are marked so they can be kept with what follows. */
export interface PrintBlock {
  html: string;
  heading: boolean;
}

/**
 * A rich-text body as HTML blocks for printing: every text escaped (raw HTML is printed as
 * its source, comments dimmed), links only to safe targets, images only as embedded bytes, Mermaid nodes as the SVG drawn for their source (or the source with the reason
 * it could not be drawn). Throws a RangeError for a node type the schema does not have.
 */
export function bodyBlocks(body: PMNode, diagrams: Diagrams): PrintBlock[] {
  const render = renderJSONContentToString<Mark, Node>({ nodeMapping: { ...editorMappings.nodeMapping, ...printNodes(diagrams) }, markMapping: editorMappings.markMapping });
  const blocks: PrintBlock[] = [];
  renderableDoc(body).forEach((node) => {
    // an empty paragraph (a fresh section's body) prints nothing, and must not hold a heading's place
    if (node.type.name === "paragraph" && node.childCount === 0) return;
    blocks.push({ html: render({ content: node }), heading: node.type.name === "heading" });
  });
  return blocks;
}

/** The blocks of `bodyBlocks` as one string. */
export function bodyToHtml(body: PMNode, diagrams: Diagrams): string {
  return bodyBlocks(body, diagrams)
    .map((b) => b.html)
    .join("");
}
