import { defaultSelectionBuilder, yCursorPlugin } from "@tiptap/y-tiptap";
import type { Plugin } from "prosemirror-state";
import type { Awareness } from "y-protocols/awareness";
import type { SectionAwareness } from "@/lib/collab/sectionAwareness";

interface CaretUser {
  name?: string;
  color?: string;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

function caret(user: CaretUser): HTMLElement {
  const color = user.color && COLOR.test(user.color) ? user.color : "#64748b";
  const mark = document.createElement("span");
  mark.className = "collaboration-carets__caret";
  mark.style.borderColor = color;
  const label = document.createElement("div");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = user.name ?? "Someone";
  mark.append(label);
  return mark;
}

/**
 * Other people's carets and selections in one section, with their names and colours.
 * Works on the section's view of the document awareness, so a caret moving elsewhere in
 * the document does not touch this editor.
 */
export function sectionCarets(awareness: SectionAwareness): Plugin {
  // SectionAwareness implements the part of Awareness the plugin calls (see its docs)
  return yCursorPlugin(awareness as unknown as Awareness, {
    cursorBuilder: caret,
    selectionBuilder: (user: CaretUser) => (user.color && COLOR.test(user.color) ? defaultSelectionBuilder(user) : {}),
  });
}
