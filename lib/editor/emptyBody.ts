import type { Node } from "prosemirror-model";
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { PMNode } from "./schema";

/** What an empty section body says to someone who can write in it. */
export const EMPTY_BODY_HINT = "Type / for blocks";
/** … and to someone who can only read it. */
export const EMPTY_BODY_READ_ONLY = "Nothing written yet";
/** The class that draws the hint (`::before`, so it is never part of the text). */
export const EMPTY_BODY_CLASS = "sw-empty-body";

/** The hint an empty body shows, for someone who can write in it or not. */
export function emptyBodyHint(editable: boolean): string {
  return editable ? EMPTY_BODY_HINT : EMPTY_BODY_READ_ONLY;
}

/** A body with no text and nothing else in it: no blocks, or one empty paragraph (ProseMirror JSON). */
export function isEmptyBody(doc: PMNode): boolean {
  const blocks = doc.content ?? [];
  return blocks.length === 0 || (blocks.length === 1 && blocks[0]!.type === "paragraph" && !blocks[0]!.content?.length);
}

function isEmptyDoc(doc: Node): boolean {
  const only = doc.childCount === 1 ? doc.firstChild : null;
  return only !== null && only.type.name === "paragraph" && only.content.size === 0;
}

/**
 * Shows `hint()` in a section editor whose body is empty, as a decoration on its one empty
 * paragraph: drawn by CSS, it is never stored, exported or searched.
 */
export function emptyBodyPlaceholder(hint: () => string): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        if (!isEmptyDoc(state.doc)) return null;
        return DecorationSet.create(state.doc, [Decoration.node(0, state.doc.firstChild!.nodeSize, { class: EMPTY_BODY_CLASS, "data-placeholder": hint() })]);
      },
    },
  });
}
