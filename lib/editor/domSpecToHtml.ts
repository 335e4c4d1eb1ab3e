import type { DOMOutputSpec } from "prosemirror-model";

// A DOM spec as an HTML string, escaped as React escapes (the same text, byte for byte, as the
// React rendering of the spec: components/documents/domSpecToReact.ts). Free of @tiptap/core,
// whose own spec serialiser would bring the editor's code into the page's first load.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `text-align: center; color: red` as React writes a style: `text-align:center;color:red`. */
function compactStyle(css: string): string {
  return css
    .split(";")
    .map((declaration) => declaration.split(":").map((part) => part.trim()))
    .filter(([name, value]) => name && value)
    .map(([name, value]) => `${name}:${value}`)
    .join(";");
}

const VOID = new Set(["br", "hr", "img", "input", "col", "wbr"]);

function attributes(attrs: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    const text = name === "style" ? compactStyle(String(value)) : String(value);
    out += value === true ? ` ${name}=""` : ` ${name}="${escapeHtml(text)}"`;
  }
  return out;
}

const isAttrs = (part: unknown): part is Record<string, unknown> => typeof part === "object" && part !== null && !Array.isArray(part);

/** A DOM spec (a node's or mark's `toDOM`) as HTML, `children` (HTML) in its hole (`0`). Throws for a spec that is a DOM node. */
export function domSpecToHtml(spec: DOMOutputSpec, children = ""): string {
  if (typeof spec === "string") return escapeHtml(spec);
  if (!Array.isArray(spec)) throw new Error("a DOM spec that is not an array cannot be drawn as HTML");
  const [tag, ...parts] = spec as readonly [string, ...unknown[]];
  const attrs = isAttrs(parts[0]) ? parts[0] : {};
  const content = (isAttrs(parts[0]) ? parts.slice(1) : parts).map((part) => (part === 0 ? children : domSpecToHtml(part as DOMOutputSpec, children))).join("");
  return VOID.has(tag) ? `<${tag}${attributes(attrs)}/>` : `<${tag}${attributes(attrs)}>${content}</${tag}>`;
}
