import { Extension, extensions, type AnyExtension, type Command, type EditorOptions, type KeyboardShortcutCommand } from "@tiptap/core";
import { Selection, TextSelection } from "@tiptap/pm/state";
import { Dropcursor, Gapcursor } from "@tiptap/extensions";
import { MarkdownInputRules } from "./inputRules";
import { InsertCommands } from "./insertCommands";
import { LinkEditing } from "./link";
import { ListKinds } from "./listCommands";

// How a section body is edited, on top of the document's extensions (extensions.ts): tiptap's
// own keys and cursors, and the few keys tiptap lacks, as extensions. No React, no
// collaboration: the section editor adds the Yjs binding, its per-person undo and carets.

const ITEMS = ["listItem", "taskItem"];

/** Backspace in an empty list item or task (at its first line): the item leaves its list, or goes one level out. */
const liftEmptyItem: Command = ({ state, commands }) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.content.size > 0 || $from.depth < 2 || $from.index(-1) !== 0) return false;
  const item = $from.node(-1).type.name;
  return ITEMS.includes(item) && commands.liftListItem(item);
};

/** Backspace at the start of a code block (or in an empty one): it becomes a paragraph, wherever it is. */
const codeBlockToParagraph: Command = ({ state, commands }) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== "codeBlock" || $from.parentOffset > 0) return false;
  return commands.setParagraph();
};

/**
 * Ctrl/Cmd+Home and +End (with Shift, selecting) go to the very start and end of the section's
 * text. The browser's own move lost its way in a section ending in a table: Ctrl+End put the
 * caret at the start of the table's first header cell.
 */
function toEdge(edge: "start" | "end", extend: boolean): KeyboardShortcutCommand {
  return ({ editor }) =>
    editor.commands.command(({ tr }) => {
      const target = edge === "start" ? Selection.atStart(tr.doc) : Selection.atEnd(tr.doc);
      tr.setSelection(extend ? TextSelection.between(tr.selection.$anchor, target.$head) : target).scrollIntoView();
      return true;
    });
}

/**
 * The keys tiptap's extensions lack, ahead of theirs: Backspace first gives back Markdown an
 * input rule just turned into formatting (as tiptap's own Backspace does), then lifts an empty
 * list item out of its list (tiptap's Backspace would join it to the item or block above) and turns a
 * code block the caret starts into a paragraph (tiptap's does so only for an empty block or
 * one that starts the document); Ctrl/Cmd+Home and +End (`toEdge`).
 */
export const EditingKeys = Extension.create({
  name: "editingKeys",
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      Backspace: ({ editor }) => editor.commands.first(({ commands }) => [() => commands.undoInputRule(), liftEmptyItem, codeBlockToParagraph]),
      "Mod-Home": toEdge("start", false),
      "Mod-End": toEdge("end", false),
      "Shift-Mod-Home": toEdge("start", true),
      "Shift-Mod-End": toEdge("end", true),
    };
  },
});

/**
 * tiptap's core keys (Enter splits a block, Backspace and Delete join blocks, Mod-Enter leaves a
 * code block, Mod-A selects all, and the Mac's Ctrl keys), after every extension's keys and
 * input rules (Enter after a code fence is the code block's rule). Without the core keymap's
 * plugin, which turns the first block of a document selected whole and deleted into a paragraph:
 * here a code block stays one.
 */
export const BaseKeys = extensions.Keymap.extend({
  name: "baseKeys",
  // tiptap reads 0 as its default (100): 1 puts these after every other extension's
  priority: 1,
  addProseMirrorPlugins: () => [],
});

/**
 * A section body's editing behaviour, beside the document's extensions: Markdown typed in
 * place (`inputRules.ts`), inserting our own nodes (`insertCommands.ts`), changing a list's
 * kind as a whole (`listCommands.ts`), the link form's command and Ctrl/Cmd+click on a link
 * (`link.ts`), the keys above and tiptap's drop and gap cursors (the gap cursor lets the caret
 * past a final table or diagram). No local undo history: the collaboration binding
 * brings its own, per person. Deliberately absent: tiptap's trailing node (it would append an
 * empty paragraph as soon as an editor opens, so merely opening a document would change it: a
 * new version, stale approvals).
 */
export function editingExtensions(): AnyExtension[] {
  return [MarkdownInputRules, InsertCommands, ListKinds, LinkEditing, EditingKeys, BaseKeys, Dropcursor.configure({ color: "currentColor", width: 1 }), Gapcursor];
}

/**
 * The editor options that go with `editingExtensions`: Markdown typed is the extensions' input
 * rules; Markdown pasted is the section editor's (its one paste rule kept is Link's, which links
 * the addresses in pasted text); the core keys are `BaseKeys`, and nothing listens for deletions.
 */
export const EDITING_OPTIONS: Pick<EditorOptions, "enableInputRules" | "enablePasteRules" | "enableCoreExtensions"> = {
  enableInputRules: true,
  enablePasteRules: ["link"],
  enableCoreExtensions: { delete: false, keymap: false },
};
