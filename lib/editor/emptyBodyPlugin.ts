import type { Node } from "prosemirror-model";
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { EMPTY_BODY_CLASS } from "./emptyBody";

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
