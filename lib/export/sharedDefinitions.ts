import { walk, type PMNode } from "../editor/schema";
import { docToMarkdown } from "../markdown/toMarkdown";

function labelOf(node: PMNode): string {
  const attrs = node.attrs ?? {};
  const label = typeof attrs.label === "string" && attrs.label ? attrs.label : typeof attrs.identifier === "string" ? attrs.identifier : "";
  return label.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The link definitions of a document's bodies, each label once (the first, as in CommonMark). */
export function definitionsOf(bodies: PMNode[]): PMNode[] {
  const seen = new Set<string>();
  const out: PMNode[] = [];
  for (const body of bodies) {
    walk(body, (node) => {
      const label = node.type === "definition" ? labelOf(node) : "";
      if (!label || seen.has(label)) return;
      seen.add(label);
      out.push(node);
    });
  }
  return out;
}

/**
 * Blocks of one section as Markdown, written knowing the link definitions the rest of the
 * file holds (`definitions`): a reference in one section to a definition in another stays a
 * reference, and text is escaped as it must be in the whole file. Pure.
 */
export function blocksMarkdown(content: PMNode[], definitions: PMNode[]): string {
  if (!content.length) return "";
  return docToMarkdown({ type: "doc", content }, { definitions: definitions.map(labelOf).filter(Boolean) }).replace(/\n+$/, "");
}
