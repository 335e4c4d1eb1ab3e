import GithubSlugger from "github-slugger";
import type { PMNode } from "../editor/schema";

/** A heading's visible text, as GitHub slugs it. */
function textOf(node: PMNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(textOf).join("");
}

export interface AnchorSection {
  key: string;
  /** "" for an untitled section (a preamble): it has no heading, so no anchor */
  title: string;
  body: PMNode;
}

export interface DocumentAnchors {
  /** the anchor of the document title's H1 */
  title: string | null;
  /** each section heading's anchor by section key; null for an untitled section */
  sections: Record<string, string | null>;
  /** the anchors of each section body's top-level headings, in order */
  headings: Record<string, string[]>;
}

/**
 * The ids `#anchor` links name, as GitHub gives them to a Markdown file's headings
 * (github-slugger: lower case, punctuation dropped, spaces to hyphens, a repeated heading
 * gets `-1`, `-2`…), counted in the order the export writes the headings: the title, then
 * each section's heading followed by the headings in its body. Pure.
 */
export function documentAnchors(title: string | null, sections: AnchorSection[]): DocumentAnchors {
  const slugger = new GithubSlugger();
  const anchors: DocumentAnchors = { title: title ? slugger.slug(title) : null, sections: {}, headings: {} };
  for (const section of sections) {
    anchors.sections[section.key] = section.title ? slugger.slug(section.title) : null;
    anchors.headings[section.key] = (section.body.content ?? []).filter((n) => n.type === "heading").map((n) => slugger.slug(textOf(n)));
  }
  return anchors;
}

/** The anchor of each heading text, in order, with GitHub's rules for repeats. Pure. */
export function slugsInOrder(texts: string[]): string[] {
  const slugger = new GithubSlugger();
  return texts.map((t) => slugger.slug(t));
}
