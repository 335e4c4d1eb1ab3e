import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { documentSchema } from "../editor/documentSchema";
import type { PMDoc, PMNode } from "../editor/schema";
import { blockIndex } from "../suggestions/blockProposal";
import { bodyName, readBody } from "./ydocLayout";

/** One block of a section to replace: the block as it was proposed against, and the block it becomes. */
export interface BlockReplacement {
  sectionKey: string;
  before: PMNode;
  after: PMNode;
}

/**
 * Replaces the section's first top-level block equal to `before` with `after`, in place (the
 * other blocks, their comments' anchors and people's carets in them stay); false, changing
 * nothing, when the section has no such block any more. Call inside a transaction.
 */
export function replaceBlock(ydoc: Y.Doc, { sectionKey, before, after }: BlockReplacement): boolean {
  const fragment = ydoc.getXmlFragment(bodyName(sectionKey));
  let at: number;
  try {
    at = blockIndex(readBody(fragment) as PMDoc, before);
  } catch {
    return false; // a body the schema cannot read has no block to match
  }
  if (at < 0) return false;
  // the new block made in a scratch document, then copied in: the binding's own conversion
  const scratch = new Y.Doc().getXmlFragment("block");
  prosemirrorJSONToYXmlFragment(documentSchema, { type: "doc", content: [after] }, scratch);
  const made = scratch.get(0);
  if (!(made instanceof Y.XmlElement)) return false;
  fragment.delete(at, 1);
  fragment.insert(at, [made.clone()]);
  return true;
}
