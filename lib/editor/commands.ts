import { lift, setBlockType, toggleMark, wrapIn } from "prosemirror-commands";
import type { Attrs, MarkType, Node as PMNode, NodeType, ResolvedPos } from "prosemirror-model";
import { liftListItem, wrapInList } from "prosemirror-schema-list";
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { documentSchema } from "./pmSchema";

// Editing commands on the document schema, as ProseMirror commands (state, dispatch):
// the keymap, input rules, toolbar and slash menu share them.

const { nodes, marks } = documentSchema;

/** The nearest ancestor of the position (itself included) that `test` accepts. */
function findAncestor($pos: ResolvedPos, test: (node: PMNode) => boolean): { node: PMNode; pos: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (test(node)) return { node, pos: $pos.before(depth) };
  }
  return null;
}

function hasAttrs(node: PMNode, attrs?: Attrs): boolean {
  return !attrs || Object.entries(attrs).every(([k, v]) => node.attrs[k] === v);
}

export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** Whether the selection is inside (or is) a node of this type, with these attributes. */
export function isNodeActive(state: EditorState, type: NodeType, attrs?: Attrs): boolean {
  const matches = (node: PMNode) => node.type === type && hasAttrs(node, attrs);
  const selected = (state.selection as { node?: PMNode }).node;
  return (!!selected && matches(selected)) || !!findAncestor(state.selection.$from, matches);
}

export const toggleBold = toggleMark(marks.bold!);
export const toggleItalic = toggleMark(marks.italic!);
export const toggleStrike = toggleMark(marks.strike!);
export const toggleCode = toggleMark(marks.code!);

export const setParagraph = setBlockType(nodes.paragraph!);

/** The text block becomes `type` (with `attrs`), or a paragraph when it already is. */
function toggleTextblock(type: NodeType, attrs?: Attrs): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const already = $from.parent.type === type && hasAttrs($from.parent, attrs);
    return already ? setParagraph(state, dispatch) : setBlockType(type, attrs)(state, dispatch);
  };
}

export const toggleHeading = (level: number): Command => toggleTextblock(nodes.heading!, { level });
export const toggleCodeBlock = toggleTextblock(nodes.codeBlock!);

export const toggleBlockquote: Command = (state, dispatch) =>
  isNodeActive(state, nodes.blockquote!) ? lift(state, dispatch) : wrapIn(nodes.blockquote!)(state, dispatch);

const LIST_ITEM: Record<string, NodeType> = { bulletList: nodes.listItem!, orderedList: nodes.listItem!, taskList: nodes.taskItem! };

/**
 * Turns the selected blocks into a list of `listType`; in such a list already, lifts them
 * out of it; in another kind of list, makes that list this kind (tasks unchecked).
 */
export function toggleList(listType: NodeType): Command {
  const itemType = LIST_ITEM[listType.name]!;
  return (state, dispatch) => {
    const list = findAncestor(state.selection.$from, (n) => n.type.name in LIST_ITEM);
    if (!list) return wrapInList(listType)(state, dispatch);
    if (list.node.type === listType) return liftListItem(itemType)(state, dispatch);
    if (dispatch) {
      const items: PMNode[] = [];
      list.node.forEach((item) => items.push(itemType.create(null, item.content, item.marks)));
      const { from, to } = state.selection;
      const tr = state.tr.replaceWith(list.pos, list.pos + list.node.nodeSize, listType.create(null, items));
      // same structure, same sizes: the selection stays where it was
      dispatch(tr.setSelection(TextSelection.create(tr.doc, from, to)).scrollIntoView());
    }
    return true;
  };
}

export const toggleBulletList = toggleList(nodes.bulletList!);
export const toggleOrderedList = toggleList(nodes.orderedList!);
export const toggleTaskList = toggleList(nodes.taskList!);

/** Where the last step of a transaction ended: after what it inserted. */
function insertionEnd(tr: Transaction): number {
  let end = tr.selection.to;
  tr.steps[tr.steps.length - 1]?.getMap().forEach((_from, _to, _newFrom, newTo) => (end = newTo));
  return end;
}

/** Inserts a block node in place of the selection; the caret goes to the text block after it (a new paragraph if none). */
function insertBlock(create: () => PMNode): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const tr = state.tr.replaceSelectionWith(create());
      const end = insertionEnd(tr);
      if (!tr.doc.resolve(end).nodeAfter?.isTextblock) tr.insert(end, nodes.paragraph!.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 1)).scrollIntoView());
    }
    return true;
  };
}

export const insertHorizontalRule = insertBlock(() => nodes.horizontalRule!.create());
export const insertMermaid = insertBlock(() => nodes.mermaid!.create({ source: "flowchart LR\n  A --> B" }));

export const insertHardBreak: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hardBreak!.create()).scrollIntoView());
  return true;
};
