import type { PMDoc, PMMark, PMNode } from "../editor/schema";
import { canonicalJson } from "../util/canonicalJson";

/**
 * The accepted text of a section body: what it says with every open suggestion rejected.
 * Inserted text and nodes are left out, deleted text stays (unmarked), a paragraph split
 * by a suggested line break is whole again, and the zero-width anchors the suggestions use
 * are gone. A body without suggestions is returned as it is (the same object), so content
 * hashes of documents nobody suggested in are what they always were.
 */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
export type SuggestionMark = (typeof SUGGESTION_MARKS)[number];

/** The anchor character a suggestion that crosses a block boundary leaves at each side. */
export const ANCHOR = "\u200B";

const isSuggestionMark = (mark: { type: string }) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type);
const markOf = (node: PMNode, type: SuggestionMark): PMMark | undefined => node.marks?.find((m) => (m.type as string) === type);

/** Whether a body (or any node) holds a suggestion mark. */
export function hasSuggestions(node: PMNode): boolean {
  if (node.marks?.some(isSuggestionMark)) return true;
  return node.content?.some(hasSuggestions) ?? false;
}

export function acceptedBody(body: PMDoc): PMDoc {
  return hasSuggestions(body) ? (accepted(body) as PMDoc) : body;
}

/** Sections with their accepted bodies (the others unchanged). */
export function acceptedSections<S extends { body: PMDoc }>(sections: S[]): S[] {
  return sections.map((s) => (hasSuggestions(s.body) ? { ...s, body: acceptedBody(s.body) } : s));
}

function firstText(node: PMNode): PMNode | undefined {
  if (node.type === "text") return node;
  const first = node.content?.[0];
  return first ? firstText(first) : undefined;
}

function lastText(node: PMNode): PMNode | undefined {
  if (node.type === "text") return node;
  const last = node.content?.[node.content.length - 1];
  return last ? lastText(last) : undefined;
}

/** Whether two siblings are one block split by a suggestion: the first ends and the second starts with inserted text of one id, with an anchor at the break. */
function splitBetween(a: PMNode, b: PMNode): boolean {
  const end = lastText(a);
  const start = firstText(b);
  // text typed at the break joins the anchor's run (the anchor is somewhere in it), and
  // deleting inserted text can take one of the two anchors with it
  const endId = end ? markOf(end, "insertion")?.attrs?.id : undefined;
  const startId = start ? markOf(start, "insertion")?.attrs?.id : undefined;
  return endId !== undefined && endId === startId && Boolean(end?.text?.includes(ANCHOR) || start?.text?.includes(ANCHOR));
}

/** Siblings split by a suggestion, joined again (the first keeps its type and attributes). */
function rejoined(children: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    if (previous && previous.type !== "text" && child.type !== "text" && splitBetween(previous, child)) {
      out[out.length - 1] = { ...previous, content: [...(previous.content ?? []), ...(child.content ?? [])] };
    } else out.push(child);
  }
  return out;
}

/** Neighbouring text with the same marks as one text node, as the editor stores it. */
function mergedText(children: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    if (previous?.type === "text" && child.type === "text" && canonicalJson(previous.marks ?? []) === canonicalJson(child.marks ?? [])) {
      out[out.length - 1] = { ...previous, text: `${previous.text ?? ""}${child.text ?? ""}` };
    } else out.push(child);
  }
  return out;
}

function withoutSuggestionMarks(node: PMNode): PMNode {
  if (!node.marks?.some(isSuggestionMark)) return node;
  const kept = node.marks.filter((m) => !isSuggestionMark(m));
  if (kept.length) return { ...node, marks: kept };
  const { marks: _dropped, ...rest } = node;
  return rest;
}

/** A node as accepted, or null when the whole node was suggested. */
function accepted(node: PMNode): PMNode | null {
  if (markOf(node, "insertion")) return null;
  const modification = markOf(node, "modification");
  let out = withoutSuggestionMarks(node);
  // a changed attribute is back to what it was
  if (modification?.attrs?.type === "attr" && typeof modification.attrs.attrName === "string") {
    out = { ...out, attrs: { ...out.attrs, [modification.attrs.attrName]: modification.attrs.previousValue ?? null } };
  }
  if (out.type === "text") {
    const text = (out.text ?? "").split(ANCHOR).join("");
    return text ? { ...out, text } : null;
  }
  if (!out.content) return out;
  const content = mergedText(rejoined(out.content).map(accepted).filter((c): c is PMNode => c !== null));
  if (content.length || out.type === "doc") return { ...out, content };
  const { content: _dropped, ...empty } = out;
  return empty;
}
