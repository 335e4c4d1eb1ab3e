import type { PMDoc, PMNode } from "../editor/schema";
import { acceptedBody, ANCHOR } from "./accepted";

/** How a suggestion that is gone ended: its change taken into the text, or dropped. */
export type SuggestionOutcome = "accepted" | "rejected";

const hasId = (node: PMNode, type: string, ids: ReadonlySet<string>) => node.marks?.some((m) => (m.type as string) === type && ids.has(String(m.attrs?.id ?? ""))) ?? false;

/** A body with the suggestions of these ids taken in (added text kept, removed text gone, format kept); the others left open. */
function withAccepted(node: PMNode, ids: ReadonlySet<string>): PMNode | null {
  if (hasId(node, "deletion", ids)) return null;
  const marks = node.marks?.filter((m) => !(["insertion", "modification"].includes(m.type as string) && ids.has(String(m.attrs?.id ?? ""))));
  const out: PMNode = { ...node, ...(marks ? { marks } : {}) };
  if (out.content) out.content = out.content.map((c) => withAccepted(c, ids)).filter((c): c is PMNode => c !== null);
  return out;
}

/** The words of a body, one line per block, without the suggestions' anchors: what a reader would compare. */
function words(node: PMNode): string {
  if (node.type === "text") return (node.text ?? "").split(ANCHOR).join("");
  const inner = (node.content ?? []).map(words);
  return node.content?.some((c) => c.type !== "text") ? inner.join("\n") : inner.join("");
}

/**
 * Whether the suggestions of `ids` that a change settled in one section were accepted or
 * rejected, told from the section's accepted text: as it was with them rejected (the text
 * before), with them accepted, and as it is after. Undecided (null) when both read the same
 * (a change of format only), when the text after is neither (other edits in the same store),
 * or when some were accepted and others rejected.
 */
export function settledOutcome(before: PMDoc, after: PMDoc, ids: ReadonlySet<string>): SuggestionOutcome | null {
  const now = words(acceptedBody(after));
  const rejected = words(acceptedBody(before));
  const taken = withAccepted(before, ids);
  const accepted = taken ? words(acceptedBody(taken as PMDoc)) : "";
  if (accepted === rejected) return null;
  return now === accepted ? "accepted" : now === rejected ? "rejected" : null;
}
