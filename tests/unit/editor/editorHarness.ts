import { Editor, type AnyExtension } from "@tiptap/core";
import { onTestFinished } from "vitest";
import { documentExtensions } from "@/lib/editor/extensions";
import { EDITING_OPTIONS, editingExtensions } from "@/lib/editor/editing";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import type { PMDoc, PMNode } from "@/lib/editor/schema";

// A section body's tiptap editor as the browser builds it (the document's extensions and their
// editing behaviour, lib/editor/editing.ts), without collaboration and node views, for tests in
// jsdom (`// @vitest-environment jsdom`): keys go through the editor's own key handling.

export const p = (text: string): PMNode => ({ type: "paragraph", content: text ? [{ type: "text", text }] : undefined });

// jsdom lays nothing out: ProseMirror scrolling the selection into view measures ranges
if (typeof Range !== "undefined" && !Range.prototype.getClientRects) {
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
}

// every editor a test made goes with the test; ProseMirror flushes what its DOM observer still
// held 20 ms after it stops, which must happen while the file's jsdom is there (the unit
// files share their modules, so this is per test, not a hook of this module's first file)
const made: Editor[] = [];
function destroyAfterTest(editor: Editor): void {
  if (!made.length) {
    onTestFinished(async () => {
      for (const e of made.splice(0)) e.destroy();
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
  }
  made.push(editor);
}

/** An editor of `content`, the caret (or selection) at the given positions; destroyed after the test. */
export function editorOf(content: PMNode[], from?: number, to = from, extra: AnyExtension[] = []): Editor {
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [...documentExtensions, ...editingExtensions(), ...extra],
    content: normalizeDoc({ type: "doc", content }),
    ...EDITING_OPTIONS,
  });
  destroyAfterTest(editor);
  if (from !== undefined) editor.commands.setTextSelection({ from, to: to ?? from });
  return editor;
}

/**
 * Presses a key as ProseMirror names it ("Enter", "Mod-b", "Shift-Tab", "Mod-Alt-2"); Mod is
 * Ctrl here. True when the editor handled it (the browser would have done nothing more).
 */
export function press(editor: Editor, keys: string): boolean {
  const parts = keys.split("-");
  const key = parts.pop()!;
  const has = (m: string) => parts.includes(m);
  const event = new KeyboardEvent("keydown", {
    key,
    ctrlKey: has("Mod") || has("Ctrl"),
    altKey: has("Alt"),
    shiftKey: has("Shift"),
    bubbles: true,
    cancelable: true,
  });
  const { view } = editor;
  return view.someProp("handleKeyDown", (handle) => handle(view, event)) ?? false;
}

/** Types text as a person does: each character through the input rules, "\n" as Enter. */
export function type(editor: Editor, text: string): void {
  const { view } = editor;
  for (const char of text) {
    if (char === "\n") {
      press(editor, "Enter");
      continue;
    }
    const { from, to } = view.state.selection;
    const insert = () => view.state.tr.insertText(char, from, to);
    if (!view.someProp("handleTextInput", (handle) => handle(view, from, to, char, insert))) view.dispatch(insert());
  }
}

/** The document's canonical JSON, as stored. */
export function json(editor: Editor): PMDoc {
  return normalizeDoc(editor.getJSON() as PMDoc);
}

/** The type name of the text block the caret is in. */
export function caretBlock(editor: Editor): string {
  return editor.state.selection.$from.parent.type.name;
}
