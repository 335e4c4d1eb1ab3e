import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import type { Schema } from "prosemirror-model";
import type { Plugin } from "prosemirror-state";
import { markdownInputRules } from "./inputRules";
import { documentKeymaps } from "./keymap";
import { linkClicks } from "./link";
import { tableKeymap } from "./table";

/**
 * The editing behaviour of a section body, independent of collaboration: table keys, Markdown
 * input rules, links opened by Ctrl/Cmd+click, keyboard shortcuts,
 * drop and gap cursors (the gap cursor lets the caret past a final table or diagram). No local undo history: the
 * collaboration binding brings its own, per person. Deliberately absent: a trailing-node
 * rule (it would append an empty paragraph as soon as an editor opens, so merely opening a
 * document would change it: a new version, stale approvals).
 */
export function documentPlugins(schema: Schema): Plugin[] {
  return [tableKeymap(), markdownInputRules(schema), linkClicks, ...documentKeymaps(), dropCursor({ color: "currentColor", width: 1 }), gapCursor()];
}
