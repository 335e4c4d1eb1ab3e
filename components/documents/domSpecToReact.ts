import { createElement, type CSSProperties, type ReactNode } from "react";
import type { DOMOutputSpec } from "prosemirror-model";

// What tiptap's `domOutputSpecToReactElement` does, for the read-only text in the browser: that
// helper's module imports all of @tiptap/core, which would put the editor's code (~90 KB
// gzip) in the first load of every document page; the editor loads it only when one starts.

const REACT_NAMES: Record<string, string> = { class: "className", colspan: "colSpan", rowspan: "rowSpan" };

/** `text-align: center; color: red` as React's style object. */
function styleOf(css: string): CSSProperties {
  const style: Record<string, string> = {};
  for (const declaration of css.split(";")) {
    const [name, value] = declaration.split(":").map((part) => part.trim());
    // a custom property (`--sw-person`, a suggestion's colour) keeps its name; React sets it as written
    if (name && value) style[name.startsWith("--") ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return style;
}

function propsOf(attrs: Record<string, unknown>, key: number): Record<string, unknown> {
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    props[REACT_NAMES[name] ?? name] = name === "style" && typeof value === "string" ? styleOf(value) : value;
  }
  return props;
}

const isAttrs = (part: unknown): part is Record<string, unknown> => typeof part === "object" && part !== null && !Array.isArray(part);

/**
 * A DOM spec (a node's or mark's `toDOM`) as React elements, `children` in its hole (`0`).
 * Text in the spec stays text (React escapes it). Throws for a spec that is a DOM node.
 */
export function domSpecToReact(spec: DOMOutputSpec, children?: ReactNode, key = 0): ReactNode {
  if (typeof spec === "string") return spec;
  if (!Array.isArray(spec)) throw new Error("a DOM spec that is not an array cannot be drawn read-only");
  const [tag, ...parts] = spec as readonly [string, ...unknown[]];
  const attrs = isAttrs(parts[0]) ? parts[0] : {};
  const content = (isAttrs(parts[0]) ? parts.slice(1) : parts).map((part, i) => (part === 0 ? children : domSpecToReact(part as DOMOutputSpec, children, i)));
  return createElement(tag, propsOf(attrs, key), ...content);
}
