import { codeLanguage, loadedHighlighter } from "../../editor/codeHighlight";
import { safeDocumentHref } from "../../editor/documentUrls";
import { definitionSource, isHtmlComment } from "../../editor/markdownNodes";
import type { PMMark, PMNode } from "../../editor/schema";
import { explainMermaidError } from "../../mermaid/explainError";
import { linkAttributes } from "../../util/safeUrl";
import type { DiagramResult } from "./mermaid";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Diagrams drawn for this document, by Mermaid source. */
export type Diagrams = ReadonlyMap<string, DiagramResult>;

function withMarks(html: string, marks: PMMark[] | undefined): string {
  let out = html;
  for (const mark of marks ?? []) {
    if (mark.type === "code") out = `<code>${out}</code>`;
    else if (mark.type === "bold") out = `<strong>${out}</strong>`;
    else if (mark.type === "italic") out = `<em>${out}</em>`;
    else if (mark.type === "strike") out = `<s>${out}</s>`;
  }
  // the link goes outermost, only to targets the editor would accept, and with our
  // attributes only (a stored class, rel or target is never printed)
  const link = marks?.find((m) => m.type === "link");
  const href = safeDocumentHref(link?.attrs?.href);
  if (!href) return out;
  const title = str(link?.attrs?.title);
  const attrs = Object.entries({ ...linkAttributes(href), ...(title ? { title } : {}) })
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  return `<a${attrs}>${out}</a>`;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** Raw HTML printed as its escaped source, never as markup; comments dimmed. */
function raw(html: string, block: boolean): string {
  const cls = `${block ? "raw" : "raw-inline"}${isHtmlComment(html) ? " raw-comment" : ""}`;
  return block ? `<pre class="${cls}">${escapeHtml(html)}</pre>` : `<code class="${cls}">${escapeHtml(html)}</code>`;
}

/**
 * Images print only as embedded bytes: the printer fetches nothing. `embedImages`
 * (lib/export/images.ts) replaces each uploaded image's src by a data: URI read within the
 * document's workspace; any other src (a web address, a file that was never uploaded)
 * prints as the image's alt text.
 */
const EMBEDDED = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

function image(node: PMNode): string {
  const src = str(node.attrs?.src);
  const alt = escapeHtml(str(node.attrs?.alt));
  if (!EMBEDDED.test(src)) return `<span class="alt">${alt}</span>`;
  const title = str(node.attrs?.title);
  return `<img src="${escapeHtml(src)}" alt="${alt}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
}

function inline(node: PMNode, d: Diagrams): string {
  switch (node.type) {
    case "text":
      return withMarks(escapeHtml(node.text ?? ""), node.marks);
    case "hardBreak":
      return "<br>";
    case "placeholder":
      return withMarks(`<span class="placeholder">${escapeHtml(String(node.attrs?.label ?? ""))}</span>`, node.marks);
    case "image":
      return withMarks(image(node), node.marks);
    case "htmlInline":
      return withMarks(raw(str(node.attrs?.html), false), node.marks);
    case "mention":
      return withMarks(`<span class="mention">@${escapeHtml(str(node.attrs?.label))}</span>`, node.marks);
    case "footnoteReference":
      return `<sup class="footnote-ref">[${escapeHtml(str(node.attrs?.label) || str(node.attrs?.identifier))}]</sup>`;
    default:
      return children(node, d);
  }
}

function children(node: PMNode, d: Diagrams): string {
  return (node.content ?? []).map((child) => render(child, d)).join("");
}

function span(node: PMNode): string {
  const attrs: string[] = [];
  for (const name of ["colspan", "rowspan"] as const) {
    const n = Number(node.attrs?.[name] ?? 1);
    if (Number.isInteger(n) && n > 1 && n < 100) attrs.push(` ${name}="${n}"`);
  }
  const align = node.attrs?.align;
  if (align === "left" || align === "right" || align === "center") attrs.push(` class="align-${align}"`);
  return attrs.join("");
}

/** Code as escaped HTML, highlighted when the highlighter is loaded (renderPdf loads it) and knows the language. */
function highlighted(code: string, language: string): string {
  const spans = language ? loadedHighlighter()?.(code, language) : null;
  if (!spans) return escapeHtml(code);
  let html = "";
  let at = 0;
  for (const span of spans) {
    html += `${escapeHtml(code.slice(at, span.from))}<span class="${escapeHtml(span.classes)}">${escapeHtml(code.slice(span.from, span.to))}</span>`;
    at = span.to;
  }
  return html + escapeHtml(code.slice(at));
}

function diagram(source: string, diagrams: Diagrams): string {
  const result = diagrams.get(source);
  if (result && "svg" in result) return `<figure class="diagram">${result.svg}</figure>`;
  const reason = result && "error" in result ? explainMermaidError(source, { message: result.error }) : "not drawn";
  return `<div class="diagram-error"><p>This Mermaid diagram could not be drawn (${escapeHtml(reason ?? "")}); its source:</p><pre><code>${escapeHtml(source)}</code></pre></div>`;
}

function render(node: PMNode, d: Diagrams): string {
  switch (node.type) {
    case "paragraph":
      return `<p>${(node.content ?? []).map((child) => inline(child, d)).join("")}</p>`;
    case "heading": {
      // body headings sit below the section's own heading level; their size follows their own
      // level (class bh1…bh6, css.ts), as in the editor
      const level = Math.min(6, Math.max(1, Math.trunc(Number(node.attrs?.level ?? 3)) || 3));
      const tag = Math.max(3, Math.min(6, level + 1));
      return `<h${tag} class="bh${level}">${(node.content ?? []).map((child) => inline(child, d)).join("")}</h${tag}>`;
    }
    case "bulletList":
      return `<ul>${children(node, d)}</ul>`;
    case "orderedList": {
      const start = Math.trunc(Number(node.attrs?.start ?? 1)) || 1;
      return `<ol${start !== 1 ? ` start="${start}"` : ""}>${children(node, d)}</ol>`;
    }
    case "listItem": {
      const checked = node.attrs?.checked;
      if (typeof checked !== "boolean") return `<li>${children(node, d)}</li>`;
      return `<li><span class="box">${checked ? "☑" : "☐"}</span>${children(node, d).replace(/^<p>|<\/p>$/g, "")}</li>`;
    }
    case "taskList":
      return `<ul class="tasks">${children(node, d)}</ul>`;
    case "taskItem":
      return `<li><span class="box">${node.attrs?.checked === true ? "☑" : "☐"}</span>${children(node, d).replace(/^<p>|<\/p>$/g, "")}</li>`;
    case "codeBlock": {
      const text = (node.content ?? []).map((c) => c.text ?? "").join("");
      return `<pre><code>${highlighted(text, codeLanguage(node.attrs))}</code></pre>`;
    }
    case "mermaid":
      return diagram(String(node.attrs?.source ?? ""), d);
    case "blockquote":
      return `<blockquote>${children(node, d)}</blockquote>`;
    case "horizontalRule":
      return "<hr>";
    case "table":
      return `<table>${children(node, d)}</table>`;
    case "tableRow":
      return `<tr>${children(node, d)}</tr>`;
    case "tableHeader":
      return `<th${span(node)}>${children(node, d)}</th>`;
    case "tableCell":
      return `<td${span(node)}>${children(node, d)}</td>`;
    case "htmlBlock":
      return raw(str(node.attrs?.html), true);
    case "footnoteDefinition":
      return `<div class="footnote"><span class="footnote-label">[^${escapeHtml(str(node.attrs?.label) || str(node.attrs?.identifier))}]:</span>${children(node, d)}</div>`;
    case "definition":
      return `<p class="definition">${escapeHtml(definitionSource(str(node.attrs?.label), str(node.attrs?.url), str(node.attrs?.title) || null))}</p>`;
    case "text":
    case "hardBreak":
    case "placeholder":
    case "image":
    case "htmlInline":
    case "footnoteReference":
    case "mention":
      return inline(node, d);
    default:
      return children(node, d);
  }
}

/** One top-level block of a body as printed HTML; headings are marked so they can be kept with what follows. */
export interface PrintBlock {
  html: string;
  heading: boolean;
}

/**
 * A rich-text body as HTML blocks for printing: every text escaped (raw HTML is printed as
 * its source, comments dimmed), links only to safe targets, images only as embedded bytes, Mermaid nodes as the SVG drawn for their source (or the source with the reason
 * it could not be drawn). Pure; throws nothing.
 */
export function bodyBlocks(body: PMNode, diagrams: Diagrams): PrintBlock[] {
  return (
    (body.content ?? [])
      // an empty paragraph (a fresh section's body) prints nothing, and must not hold a heading's place
      .filter((node) => node.type !== "paragraph" || (node.content ?? []).length > 0)
      .map((node) => ({ html: render(node, diagrams), heading: node.type === "heading" }))
  );
}

/** The blocks of `bodyBlocks` as one string. */
export function bodyToHtml(body: PMNode, diagrams: Diagrams): string {
  return bodyBlocks(body, diagrams)
    .map((b) => b.html)
    .join("");
}
