import { NodeSelection, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

/**
 * Brings the editor's selection up to the browser's before a key is handled.
 *
 * The browser reports a selection moved by a key (Shift+Home) or a click in a
 * `selectionchange` task that may run after the next key's `keydown` (input comes first), and
 * a page in the background gets none at all. A key pressed at once would then act on the old
 * selection: Delete after Shift+Home deleted nothing, typed text landed where the caret had
 * been, and text typed after End from a clicked placeholder replaced the placeholder.
 */
export function catchUpSelection(view: EditorView): void {
  if (view.composing || !view.editable) return;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return; // a position in something that is not text (a widget, a node view's own parts)
  }
  const { selection, doc } = view.state;
  if (selection instanceof NodeSelection) {
    // a selected inline node (a placeholder, an image) is drawn as the browser's selection
    // around it; once that moved (End after clicking a placeholder), typing must go where the
    // caret now is, not replace the node
    if (!selection.node.isInline || (Math.min(anchor, head) === selection.from && Math.max(anchor, head) === selection.to)) return;
  } else if (!(selection instanceof TextSelection) || (selection.anchor === anchor && selection.head === head)) return;
  const next = TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  if (!next.eq(selection)) view.dispatch(view.state.tr.setSelection(next));
}
