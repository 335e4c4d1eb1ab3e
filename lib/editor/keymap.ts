import { baseKeymap, chainCommands, exitCode } from "prosemirror-commands";
import { undoInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import { liftListItem, sinkListItem, splitListItem } from "prosemirror-schema-list";
import type { NodeType } from "prosemirror-model";
import { TextSelection, type Command, type Plugin } from "prosemirror-state";
import { nodeType, setParagraph } from "./commands";

const ITEMS = ["listItem", "taskItem"];

/** A list command for list items and task items of the state's schema. */
function onItems(make: (items: NodeType[]) => Command): Command {
  return (state, dispatch, view) => make(ITEMS.map((name) => nodeType(state.schema, name)))(state, dispatch, view);
}

/** Backspace at the start of an empty list item: the item leaves the list. */
export const liftEmptyItem: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.content.size > 0 || $from.depth < 2 || !ITEMS.includes($from.node(-1).type.name) || $from.index(-1) !== 0) return false;
  return liftListItem($from.node(-1).type)(state, dispatch);
};

/** Backspace at the start of a code block (or in an empty one): it becomes a paragraph. */
const codeBlockToParagraph: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== "codeBlock" || $from.parentOffset > 0) return false;
  return setParagraph(state, dispatch);
};

/** Enter on the third empty line at the end of a code block leaves it (the two empty lines go). */
export const exitCodeOnTripleEnter: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== "codeBlock" || $from.parentOffset !== $from.parent.content.size || !$from.parent.textContent.endsWith("\n\n")) return false;
  if (dispatch) {
    const tr = state.tr.delete($from.pos - 2, $from.pos);
    const after = tr.mapping.map($from.after());
    tr.insert(after, nodeType(state.schema, "paragraph").create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
  }
  return true;
};

/** Arrow down at the end of a code block that ends the document: a paragraph after it. */
const exitCodeAtDocEnd: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== "codeBlock" || $from.parentOffset !== $from.parent.content.size || $from.after() !== state.doc.content.size) return false;
  return exitCode(state, dispatch);
};

/**
 * The editing keys tiptap's extensions do not have, ahead of theirs: leaving a code block,
 * list items split (a new task unticked), Tab and Shift+Tab indenting and outdenting list
 * items, Backspace undoing an input rule (tiptap's input rules keep what they replaced as
 * prosemirror-inputrules does) or lifting an empty item out of its list. The formatting
 * shortcuts (Mod-B/I/E, Mod-Shift-S/B/7/8/9, Mod-Alt-0…6/C, Shift/Mod-Enter for a line break)
 * and Enter after a code fence (the code block's input rule) are tiptap's extensions', which
 * run after these; ProseMirror's base keymap (`baseKeys`) comes after all of them. Undo and
 * redo come with the collaboration binding (per person).
 */
export function documentKeymap(): Plugin {
  return keymap({
    Enter: chainCommands(
      exitCodeOnTripleEnter,
      onItems(([listItem]) => splitListItem(listItem!)),
      onItems(([, taskItem]) => splitListItem(taskItem!, { checked: false })),
    ),
    Tab: onItems((items) => sinkListItem(items)),
    "Shift-Tab": onItems((items) => liftListItem(items)),
    Backspace: chainCommands(undoInputRule, liftEmptyItem, codeBlockToParagraph),
    ArrowDown: exitCodeAtDocEnd,
  });
}

/** ProseMirror's base keymap (Enter splits a block, Backspace joins…): what no extension took. */
export function baseKeys(): Plugin {
  return keymap(baseKeymap);
}
