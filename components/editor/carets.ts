import { defaultSelectionBuilder, yCursorPlugin } from "@tiptap/y-tiptap";
import type { Plugin } from "prosemirror-state";
import type { Awareness } from "y-protocols/awareness";
import type { SectionAwareness } from "@/lib/collab/sectionAwareness";
import { caretColor } from "./caretColor";

interface CaretUser {
  name?: string;
  color?: string;
}


function caret(user: CaretUser): HTMLElement {
  const color = caretColor(user.color);
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
    selectionBuilder: (user: CaretUser) => (user.color && caretColor(user.color) === user.color ? defaultSelectionBuilder(user) : {}),
  });
}
