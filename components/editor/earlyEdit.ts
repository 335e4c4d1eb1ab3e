/**
 * A section's read-only text made editable by the browser itself while the section's editor
 * is not there yet (the page's code or the editor's is still loading): the person sees the
 * caret where they pressed and what they type, at once. The editor takes over what was typed
 * once it starts (earlyEditHandover.ts). Both functions here are also turned into the page's
 * inline script with `toString()` (earlyInput.ts), so they use nothing from outside themselves.
 */

/** What the browser edited in a section's text: its HTML before, and the caret last seen in it. */
export interface EarlyEdit {
  before: string;
  /** the caret (the selection's moving end) … */
  caret: { node: Node; offset: number } | null;
  /** … and the selection's other end, when it selects something (a pressed placeholder) */
  anchor?: { node: Node; offset: number } | null;
}

declare global {
  interface Window {
    /** by the text's element (its `.sw-prose` content), while the browser edits it */
    specwrightEarlyEdits?: WeakMap<HTMLElement, EarlyEdit>;
    /** the text the browser edits that last took the focus, null once anything else took it (not when that text left the page) */
    specwrightEarlyFocus?: HTMLElement | null;
  }
}

/** The attribute a text the browser edits carries (CSS and the handlers below find it by it). */
export const EARLY_EDIT_ATTRIBUTE = "data-early-edit";

/**
 * Makes the content of a section's text (`[data-static-body]`) editable by the browser and puts
 * the caret where the press landed: a template's placeholder or a mention pressed is selected
 * whole, as the editor does, so typing replaces it. Returns the edited element, or null when
 * the text is read-only or has no such content.
 */
export function beginEarlyEdit(text: HTMLElement, target: EventTarget | null, clientX: number, clientY: number): HTMLElement | null {
  if (text.getAttribute("aria-readonly") === "true") return null;
  const prose = text.querySelector<HTMLElement>(":scope > .sw-prose");
  if (!prose) return null;
  const edits = window.specwrightEarlyEdits;
  if (!edits) return null;
  if (!edits.has(prose)) {
    edits.set(prose, { before: prose.innerHTML, caret: null });
    prose.setAttribute("data-early-edit", "");
    prose.setAttribute("contenteditable", "true");
    // a placeholder or a mention is one thing: the caret goes beside it, never into its hint
    // or name (typing there would draw as the hint and could not be handed over as seen)
    for (const atom of prose.querySelectorAll("span[data-placeholder], [data-type=mention]")) atom.setAttribute("contenteditable", "false");
  }
  const range = document.createRange();
  const point = document.caretPositionFromPoint?.(clientX, clientY);
  const at = point && prose.contains(point.offsetNode) ? point.offsetNode : null;
  const element = at instanceof Element ? at : (at?.parentElement ?? (target instanceof Element ? target : null));
  const atom = element?.closest("span[data-placeholder], [data-type=mention]");
  if (atom && prose.contains(atom)) range.selectNode(atom);
  else {
    if (point && at) range.setStart(at, point.offset);
    else range.setStart(prose, 0);
    range.collapse(true);
  }
  prose.focus({ preventScroll: true });
  window.specwrightEarlyFocus = prose;
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  Object.assign(edits.get(prose)!, { caret: { node: range.endContainer, offset: range.endOffset }, anchor: { node: range.startContainer, offset: range.startOffset } });
  return prose;
}

/**
 * Follows texts the browser edits, for the life of the page: keeps the caret last seen in each
 * (the editor puts its own there), takes an empty text's hint away once something is typed,
 * and refuses what such a text cannot hand over faithfully (a drop, formatting other than bold
 * and italic). A paste never reaches it: it is held for the editor, which pastes it (earlyInput.ts).
 */
export function watchEarlyEdits(): void {
  // once a page, whether its inline script or its code came first
  if (window.specwrightEarlyEdits) return;
  window.specwrightEarlyEdits = new WeakMap();
  const editedAt = (node: Node | null): HTMLElement | null => (node instanceof Element ? node : (node?.parentElement ?? null))?.closest<HTMLElement>("[data-early-edit]") ?? null;
  const keepCaret = () => {
    const selection = getSelection();
    const prose = editedAt(selection?.focusNode ?? null);
    const edit = prose ? window.specwrightEarlyEdits?.get(prose) : undefined;
    if (!edit || !selection?.focusNode) return;
    edit.caret = { node: selection.focusNode, offset: selection.focusOffset };
    edit.anchor = selection.anchorNode ? { node: selection.anchorNode, offset: selection.anchorOffset } : null;
  };
  // after each edit at once (the browser reports a changed selection later, when a busy page
  // may already have handed the text over: the caret was then put back where it had been
  // some keys earlier), after a key or a press that may have moved it, and after each move
  // the browser reports
  for (const type of ["input", "keyup", "mouseup"]) document.addEventListener(type, keepCaret, true);
  document.addEventListener("selectionchange", keepCaret);
  document.addEventListener("focusin", (event) => {
    const prose = editedAt(event.target as Node | null);
    window.specwrightEarlyFocus = prose === event.target ? prose : null;
  });
  document.addEventListener(
    "beforeinput",
    (event) => {
      const prose = editedAt(event.target as Node | null);
      if (!prose) return;
      const kind = event.inputType;
      if (kind.startsWith("insertFrom") || kind === "deleteByDrag" || (kind.startsWith("format") && kind !== "formatBold" && kind !== "formatItalic")) {
        event.preventDefault();
        return;
      }
      // a placeholder or a mention selected (pressed) is replaced whole, as the editor does: the
      // browser would type into its hint or name, which is no text of the section
      const selection = getSelection();
      const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
      const atoms = range && !range.collapsed ? [...prose.querySelectorAll("span[data-placeholder], [data-type=mention]")].filter((atom) => range.intersectsNode(atom)) : [];
      if (selection && range && atoms.length && (kind === "insertText" || kind.startsWith("delete"))) {
        event.preventDefault();
        range.deleteContents();
        atoms.forEach((atom) => atom.remove());
        const typed = kind === "insertText" && event.data ? document.createTextNode(event.data) : null;
        if (typed) {
          range.insertNode(typed);
          selection.collapse(typed, typed.length);
        } else selection.collapse(range.startContainer, range.startOffset);
      }
      prose.querySelectorAll(".sw-empty-body").forEach((hint) => hint.classList.remove("sw-empty-body"));
    },
    true,
  );
}

/**
 * Called on a key pressed while a section's text is edited by the browser: when the focus has
 * left that text for the section's frame around it (a press beside the words), it goes back to
 * the text, caret where it was, so the key types there like the keys before it. Also turned
 * into the page's inline script (earlyInput.ts).
 */
export function keepTypingInEarlyEdit(prose: HTMLElement): void {
  if (prose.contains(document.activeElement)) return;
  const edit = window.specwrightEarlyEdits?.get(prose);
  prose.focus({ preventScroll: true });
  const selection = getSelection();
  if (!edit?.caret || !selection || !prose.contains(edit.caret.node)) return;
  selection.collapse(edit.caret.node, Math.min(edit.caret.offset, edit.caret.node.nodeType === Node.TEXT_NODE ? (edit.caret.node as Text).length : edit.caret.node.childNodes.length));
}
