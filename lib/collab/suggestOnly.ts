import * as Y from "yjs";
import type { PMDoc } from "../editor/schema";
import { acceptedBody } from "../suggestions/accepted";
import { suggestionAuthor } from "../suggestions/ids";
import { openSuggestions } from "../suggestions/open";
import { canonicalJson } from "../util/hash";
import { fragmentToJson } from "./bodyJson";
import { bodyName } from "./ydoc";
import type { Part } from "./documentRules";

function bodyOf(ydoc: Y.Doc, key: string): PMDoc {
  return fragmentToJson(ydoc.getXmlFragment(bodyName(key))) as unknown as PMDoc;
}

/** The ids of the suggestions in a body. */
const suggestionIds = (body: PMDoc) => new Set(openSuggestions([{ key: "", body }]).map((s) => s.id));

/**
 * Why a change from someone who may only suggest (a viewer assigned as a reviewer) may not
 * reach the document, or null. They may add suggestions to a section's text and take back
 * their own, nothing else: the accepted text of every body the change touched stays the same
 * (lib/suggestions/accepted.ts), every suggestion it adds carries their user id, and no other
 * part (fields, titles, the section list) changes.
 */
export function suggestOnlyProblem(live: Y.Doc, changed: Y.Doc, parts: Part[], userId: string): string | null {
  for (const part of parts) {
    if (part.kind !== "body") return "a reviewer who may only suggest cannot change fields, titles or sections";
    const before = bodyOf(live, part.key);
    const after = bodyOf(changed, part.key);
    if (canonicalJson(acceptedBody(before)) !== canonicalJson(acceptedBody(after))) return "a reviewer who may only suggest cannot change the text directly";
    const had = suggestionIds(before);
    for (const id of suggestionIds(after)) {
      if (!had.has(id) && suggestionAuthor(id) !== userId) return "a suggestion must be made in your own name";
    }
    // taking back another person's suggestion is the author's or an editor's call
    const kept = suggestionIds(after);
    for (const id of had) {
      if (!kept.has(id) && suggestionAuthor(id) !== userId) return "only its author or an editor can take back another person's suggestion";
    }
  }
  return null;
}
