import { lift, setBlockType, toggleMark, wrapIn } from "prosemirror-commands";
import type { Attrs, MarkType, Node as PMNode, NodeType, ResolvedPos, Schema } from "prosemirror-model";
import { liftListItem, wrapInList } from "prosemirror-schema-list";
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";

// Editing commands on the document model, as ProseMirror commands (state, dispatch): the
// keymap, input rules, toolbar and slash menu share them. Node and mark types are those of
// the state's own schema (each editor builds its schema from the extension list).

/** The node type of this name in the schema. */
export function nodeType(schema: Schema, name: string): NodeType {
  const type = schema.nodes[name];
  if (!type) throw new Error(`the schema has no node "${name}"`);
  return type;
}

/** The mark type of this name in the schema. */
export function markType(schema: Schema, name: string): MarkType {
  const type = schema.marks[name];
  if (!type) throw new Error(`the schema has no mark "${name}"`);
  return type;
}

/** A command on node types of the state's schema, found by name. */
function withSchema(make: (schema: Schema) => Command): Command {
  return (state, dispatch, view) => make(state.schema)(state, dispatch, view);
}

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

export function isMarkActive(state: EditorState, name: string): boolean {
  const type = markType(state.schema, name);
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** Whether the selection is inside (or is) a node of this type, with these attributes. */
export function isNodeActive(state: EditorState, name: string, attrs?: Attrs): boolean {
  const matches = (node: PMNode) => node.type.name === name && hasAttrs(node, attrs);
  const selected = (state.selection as { node?: PMNode }).node;
  return (!!selected && matches(selected)) || !!findAncestor(state.selection.$from, matches);
}

export const toggleBold = withSchema((schema) => toggleMark(markType(schema, "bold")));
export const toggleItalic = withSchema((schema) => toggleMark(markType(schema, "italic")));
export const toggleStrike = withSchema((schema) => toggleMark(markType(schema, "strike")));
export const toggleCode = withSchema((schema) => toggleMark(markType(schema, "code")));

/** The text block becomes `name` (with `attrs`). */
export function setTextblock(name: string, attrs?: Attrs): Command {
  return withSchema((schema) => setBlockType(nodeType(schema, name), attrs));
}

export const setParagraph = setTextblock("paragraph");

/** The text block becomes `name` (with `attrs`), or a paragraph when it already is. */
function toggleTextblock(name: string, attrs?: Attrs): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const already = $from.parent.type.name === name && hasAttrs($from.parent, attrs);
    return already ? setParagraph(state, dispatch) : setTextblock(name, attrs)(state, dispatch);
  };
}

export const toggleHeading = (level: number): Command => toggleTextblock("heading", { level });
export const toggleCodeBlock = toggleTextblock("codeBlock");

/** The selected blocks go into a node of this name (a quote). */
export function wrapInNode(name: string): Command {
  return withSchema((schema) => wrapIn(nodeType(schema, name)));
}

export const toggleBlockquote: Command = (state, dispatch) => (isNodeActive(state, "blockquote") ? lift(state, dispatch) : wrapInNode("blockquote")(state, dispatch));

const LIST_ITEM: Record<string, string> = { bulletList: "listItem", orderedList: "listItem", taskList: "taskItem" };

/**
 * Turns the selected blocks into a list of `listName`; in such a list already, lifts them
 * out of it; in another kind of list, makes that list this kind (tasks unchecked).
 */
export function toggleList(listName: string): Command {
  return (state, dispatch) => {
    const listType = nodeType(state.schema, listName);
    const itemType = nodeType(state.schema, LIST_ITEM[listName]!);
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

export const toggleBulletList = toggleList("bulletList");
export const toggleOrderedList = toggleList("orderedList");
export const toggleTaskList = toggleList("taskList");

/** Where the last step of a transaction ended: after what it inserted. */
function insertionEnd(tr: Transaction): number {
  let end = tr.selection.to;
  tr.steps[tr.steps.length - 1]?.getMap().forEach((_from, _to, _newFrom, newTo) => (end = newTo));
  return end;
}

/** Inserts a block node in place of the selection; the caret goes to the text block after it (a new paragraph if none). */
function insertBlock(create: (schema: Schema) => PMNode): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const tr = state.tr.replaceSelectionWith(create(state.schema));
      const end = insertionEnd(tr);
      if (!tr.doc.resolve(end).nodeAfter?.isTextblock) tr.insert(end, nodeType(state.schema, "paragraph").create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 1)).scrollIntoView());
    }
    return true;
  };
}

export const insertHorizontalRule = insertBlock((schema) => nodeType(schema, "horizontalRule").create());
export const insertMermaid = insertBlock((schema) => nodeType(schema, "mermaid").create({ source: "flowchart LR\n  A --> B" }));

/** Puts a mention of a person where the selection is, followed by a space to go on typing. */
export function insertMention(person: { id: string; label: string }): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    if ($from.parent.type.spec.code || !$from.parent.inlineContent) return false;
    if (dispatch) dispatch(state.tr.replaceSelectionWith(nodeType(state.schema, "mention").create(person), false).insertText(" ").scrollIntoView());
    return true;
  };
}
