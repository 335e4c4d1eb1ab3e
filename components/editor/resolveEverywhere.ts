import { applySuggestion, revertSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { EditorState } from "prosemirror-state";
import type * as Y from "yjs";
import { bodyName, sectionOrder } from "@/lib/collab/ydoc";
import { documentSchema } from "@/lib/editor/documentSchema";
import { suggestionAuthor } from "@/lib/suggestions/ids";
import { suggestionIdsIn } from "./suggesting";

/** Marks the document's own writes, so no person's undo takes them back. */
export const RESOLVED_ORIGIN = Symbol("suggestions resolved");

/**
 * Accepts or rejects every suggestion `authorId` made in the whole document, in every
 * section, live or not: each section's text is read from the shared document, the
 * suggestion package's own commands accept or reject there, and only what changed is
 * written back (the binding's own `updateYFragment`), so open editors follow as they follow
 * anyone's edit. Returns how many suggestions it resolved.
 */
export function resolveEverywhere(ydoc: Y.Doc, how: "accept" | "reject", authorId: string): number {
  let resolved = 0;
  ydoc.transact(() => {
    for (const key of sectionOrder(ydoc)) {
      const fragment = ydoc.getXmlFragment(bodyName(key));
      let state = EditorState.create({ schema: documentSchema, doc: yXmlFragmentToProseMirrorRootNode(fragment, documentSchema) });
      const before = state.doc;
      for (const id of suggestionIdsIn(state.doc).filter((i) => suggestionAuthor(i) === authorId)) {
        const command = how === "accept" ? applySuggestion(id) : revertSuggestion(id);
        if (command(state, (tr) => (state = state.apply(tr)))) resolved += 1;
      }
      if (!state.doc.eq(before)) updateYFragment(ydoc, fragment, state.doc, { mapping: new Map(), isOMark: new Map() });
    }
  }, RESOLVED_ORIGIN);
  return resolved;
}
