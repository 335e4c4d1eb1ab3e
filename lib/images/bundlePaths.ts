import path from "node:path/posix";
import type { Definition, Image, ImageReference, Root } from "mdast";
import { parseMarkdown } from "../markdown/parse";

/** An image a Markdown file refers to by a path inside the same folder or zip. */
export interface LocalImageRef {
  /** the address as the file writes it */
  src: string;
  /** where the address is written in the file (its characters only) */
  start: number;
  end: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The file a relative image address names inside a bundle, from the folder of the Markdown
 * file that refers to it (`docs/a.md` + `../images/x.png` → `images/x.png`); null for web
 * addresses, site paths (`/api/images/…`), fragments, and paths leaving the bundle. Pure.
 */
export function bundlePath(markdownFile: string, src: string): string | null {
  if (!src || SCHEME.test(src) || src.startsWith("/") || src.startsWith("#") || src.includes("\\")) return null;
  let target = src.replace(/[?#].*$/, "");
  try {
    target = decodeURIComponent(target);
  } catch {
    return null;
  }
  const joined = path.normalize(path.join(path.dirname(markdownFile), target));
  return joined.startsWith("../") || joined === ".." || path.isAbsolute(joined) ? null : joined.replace(/^\.\//, "");
}

function walk(node: Root | Root["children"][number], visit: (node: Root["children"][number] | Root) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children as Root["children"]) walk(child, visit);
}

/** Where `url` is written inside the source of `node` (after `from`), or null. */
function locate(source: string, node: Image | Definition, url: string, marker: string): LocalImageRef | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const slice = source.slice(start, end);
  const after = slice.indexOf(marker);
  if (after < 0) return null;
  const at = slice.indexOf(url, after + marker.length);
  return at < 0 ? null : { src: url, start: start + at, end: start + at + url.length };
}

/**
 * Every image address a Markdown file writes that is not a web address or a site path:
 * `![alt](images/a.png)` and the definitions `![alt][ref]` images use. An address the
 * source spells differently from its meaning (escapes, entities) is listed with start = -1
 * so the caller can report it. Pure.
 */
export function localImageRefs(markdown: string): LocalImageRef[] {
  const tree = parseMarkdown(markdown);
  const used = new Set<string>();
  walk(tree, (node) => {
    if (node.type === "imageReference") used.add((node as ImageReference).identifier);
  });
  const refs: LocalImageRef[] = [];
  walk(tree, (node) => {
    const image = node.type === "image" ? (node as Image) : null;
    const definition = node.type === "definition" && used.has((node as Definition).identifier) ? (node as Definition) : null;
    const target = image ?? definition;
    if (!target || !target.url || SCHEME.test(target.url) || target.url.startsWith("/") || target.url.startsWith("#")) return;
    refs.push(locate(markdown, target, target.url, image ? "](" : "]:") ?? { src: target.url, start: -1, end: -1 });
  });
  return refs;
}

/** The source with each located address replaced by `replace(src)` (kept when it answers null). */
export function rewriteImageRefs(markdown: string, refs: LocalImageRef[], replace: (src: string) => string | null): string {
  let out = markdown;
  for (const ref of [...refs].filter((r) => r.start >= 0).sort((a, b) => b.start - a.start)) {
    const next = replace(ref.src);
    if (next !== null) out = out.slice(0, ref.start) + next + out.slice(ref.end);
  }
  return out;
}
