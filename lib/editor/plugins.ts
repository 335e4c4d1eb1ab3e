import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import type { Plugin } from "prosemirror-state";
import { documentKeymap } from "./keymap";
import { linkClicks } from "./link";
import { tableKeymap } from "./table";

/**
 * The editing behaviour of a section body, independent of collaboration: table keys, links opened by Ctrl/Cmd+click, keyboard shortcuts,
 * drop and gap cursors (the gap cursor lets the caret past a final table or diagram). No local undo history: the
 * collaboration binding brings its own, per person. Deliberately absent: a trailing-node
 * rule (it would append an empty paragraph as soon as an editor opens, so merely opening a
 * document would change it: a new version, stale approvals).
 */
export function documentPlugins(): Plugin[] {
  return [tableKeymap(), linkClicks, documentKeymap(), dropCursor({ color: "currentColor", width: 1 }), gapCursor()];
}
