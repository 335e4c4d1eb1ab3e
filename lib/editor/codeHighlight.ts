import type { Element, ElementContent, Root } from "hast";

/** A highlighted run of a code block's text: characters [from, to) and highlight.js's classes for them. */
export interface CodeSpan {
  from: number;
  to: number;
  classes: string;
}

/** The highlighted runs of `code` in `language`, or null for a language it does not know. */
export type Highlighter = (code: string, language: string) => CodeSpan[] | null;

let loaded: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

/**
 * Loads lowlight (highlight.js's common languages) once, on first need: pages without a code
 * block that names a language never fetch it. Resolves to the highlighter; throws nothing
 * beyond a failed chunk load.
 */
export function loadHighlighter(): Promise<Highlighter> {
  loading ??= import("lowlight").then(({ common, createLowlight }) => {
    const lowlight = createLowlight(common);
    loaded = (code, language) => {
      const name = language.trim().toLowerCase();
      if (!name || !lowlight.registered(name)) return null;
      return flatten(lowlight.highlight(name, code));
    };
    return loaded;
  });
  return loading;
}

/** The highlighter if it has been loaded already (no loading starts). */
export function loadedHighlighter(): Highlighter | null {
  return loaded;
}

/**
 * Code as HTML: `escape`d text, its highlighted runs in spans of highlight.js's classes when
 * `highlighter` is loaded and knows the language.
 */
export function highlightedHtml(code: string, language: string, highlighter: Highlighter | null, escape: (text: string) => string): string {
  const spans = language && highlighter ? highlighter(code, language) : null;
  if (!spans) return escape(code);
  let html = "";
  let at = 0;
  for (const span of spans) {
    html += `${escape(code.slice(at, span.from))}<span class="${escape(span.classes)}">${escape(code.slice(span.from, span.to))}</span>`;
    at = span.to;
  }
  return html + escape(code.slice(at));
}

/** The language a code block names for highlighting ("" for plain text). */
export function codeLanguage(attrs: Record<string, unknown> | undefined): string {
  const language = attrs?.language;
  return typeof language === "string" ? language.trim() : "";
}

/** The tree lowlight builds, as runs of text with the classes of every span around them. */
function flatten(tree: Root): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let offset = 0;
  const walk = (nodes: ElementContent[], classes: string[]) => {
    for (const node of nodes) {
      if (node.type === "text") {
        const to = offset + node.value.length;
        if (classes.length && to > offset) spans.push({ from: offset, to, classes: classes.join(" ") });
        offset = to;
      } else if (node.type === "element") {
        walk(node.children, [...classes, ...classNames(node)]);
      }
    }
  };
  walk(tree.children as ElementContent[], []);
  return spans;
}

function classNames(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === "string") : [];
}
