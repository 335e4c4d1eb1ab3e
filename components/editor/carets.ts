import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import type { SectionAwareness } from "@/lib/collab/sectionAwareness";
import { caretColor } from "./caretColor";

interface CaretUser {
  name?: string | null;
  color?: string | null;
}

function caret(user: CaretUser): HTMLElement {
  const color = caretColor(user.color);
  const mark = document.createElement("span");
  mark.className = "collaboration-carets__caret";
  mark.style.borderColor = color;
  const label = document.createElement("div");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = user.name || "Someone";
  mark.append(label);
  return mark;
}

/**
 * Other people's carets and selections in one section, with their names and colours
 * (tiptap's CollaborationCaret; a caret whose colour is not a plain #rrggbb is drawn slate,
 * with no selection). Works on the section's view of the document awareness, so a caret
 * moving elsewhere in the document does not touch this editor.
 */
export function sectionCarets(awareness: SectionAwareness) {
  // SectionAwareness implements the part of Awareness the extension calls (see its docs);
  // the person's name and colour are the document's (useCollabDocument), not set here
  return CollaborationCaret.configure({ provider: { awareness }, render: caret });
}
