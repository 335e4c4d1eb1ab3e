import { documentSchema, normalizeDoc } from "../editor/documentSchema";
import type { PMDoc, PMNode } from "../editor/schema";
import { InvalidInput } from "../errors";
import { canonicalJson } from "../util/canonicalJson";

/**
 * A proposed block as the schema reads it (default attributes filled in), or InvalidInput for
 * a block the document's schema does not allow at the top of a section.
 */
export function checkedBlock(block: PMNode, field: "before" | "after"): PMNode {
  try {
    const doc = documentSchema.nodeFromJSON({ type: "doc", content: [block] });
    doc.check();
    if (doc.childCount !== 1) throw new RangeError("not one block");
    return normalizeDoc(doc.toJSON() as PMDoc).content[0]!;
  } catch {
    throw new InvalidInput("The proposed block is not one the document can hold.", { [`proposal.${field}`]: ["is not a block of a section's text"] });
  }
}

/** Where in a section's body the block is (compared as the schema reads both), or -1. */
export function blockIndex(body: PMDoc, block: PMNode): number {
  const wanted = canonicalJson(checkedBlock(block, "before"));
  const blocks = normalizeDoc(body).content;
  return blocks.findIndex((b) => canonicalJson(b) === wanted);
}
