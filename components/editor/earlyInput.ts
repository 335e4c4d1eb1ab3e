import { heldPaste, holdsPaste, isPasteKey, type HeldKey } from "./heldKeys";
import { beginEarlyEdit, keepTypingInEarlyEdit, watchEarlyEdits } from "./earlyEdit";
import { pressedAt, type Activation } from "./pressedAt";

/**
 * What a person did in a section's text before the page's code ran: where they pressed or
 * focused it, the keys typed next, and, when they pressed it, its content the browser has
 * edited since (what they typed shows at once; the keys are pressed again in the editor only
 * when that edit cannot be handed over).
 */
export interface EarlyInput {
  activation: Activation;
  keys: HeldKey[];
  edited: HTMLElement | null;
}

/** The page's inline holder of such input, until the sections take it. */
interface HeldSectionInput {
  /** by section key, in the order the sections were asked for */
  sections: Map<string, EarlyInput>;
  /** the page's controls clicked meanwhile, in order, to be clicked again */
  clicks: HTMLElement[];
  /** the key events held, so that the page's own handlers do not hold them again */
  keyEvents: WeakSet<Event>;
  /** stops holding; what was held stays for the page to take */
  release: () => void;
}

declare global {
  interface Window {
    specwrightSectionInput?: HeldSectionInput;
  }
}

/**
 * Runs inline in the document page, before its sections and before the page's code has
 * loaded: a press on a section's text, or the focus reaching it, is kept with where it
 * landed, and the keys typed in that section then are kept instead of going nowhere. The
 * section's editor puts its caret there and presses them once it starts (SectionBody). A
 * click on one of the page's controls (a button, a tab, a disclosure), which only its code
 * can answer, is kept and made again once that code has run.
 * Turned into the page's script text with `toString()`, so it uses nothing from outside
 * itself: what it needs comes as arguments.
 */
function holdSectionInput(pressPoint: typeof pressedAt, beginEdit: typeof beginEarlyEdit, keepTyping: typeof keepTypingInEarlyEdit, pasteOf: typeof heldPaste, pastes: typeof isPasteKey, pasted: typeof holdsPaste, modifiers: string[], controls: string): void {
  if (window.specwrightSectionInput) return;
  const sections = new Map<string, EarlyInput>();
  const keyEvents = new WeakSet<Event>();
  const clicks: HTMLElement[] = [];
  const textOf = (target: EventTarget | null): { text: HTMLElement; key: string } | null => {
    const text = target instanceof Element ? target.closest<HTMLElement>("[data-static-body]") : null;
    const key = text?.closest("section[data-section-key]")?.getAttribute("data-section-key");
    return text && key ? { text, key } : null;
  };
  const onPress = (event: MouseEvent) => {
    const at = event.button === 0 ? textOf(event.target) : null;
    if (!at) return;
    // as the page's own handler does: the text is not selected, it gets an editor
    event.preventDefault();
    const held = sections.get(at.key);
    const keys = held?.keys ?? [];
    // after a paste the caret stays where it was pasted (the editor pastes there), and the focus comes back to it
    if (pasted(keys)) {
      if (held?.edited) keepTyping(held.edited);
      else at.text.focus({ preventScroll: true });
      return;
    }
    sections.delete(at.key);
    // the browser edits the text until the editor starts: the caret shows where the press
    // landed; not after keys already held for the editor (the focus came first), which it presses
    const edited = keys.length && !held?.edited ? null : beginEdit(at.text, event.target, event.clientX, event.clientY);
    sections.set(at.key, { activation: pressPoint(at.text, event.target as EventTarget, event.clientX, event.clientY), keys, edited });
    if (!edited) at.text.focus({ preventScroll: true });
  };
  const onFocus = (event: FocusEvent) => {
    const at = textOf(event.target);
    if (at && !sections.has(at.key)) sections.set(at.key, { activation: "focus", keys: [], edited: null });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || modifiers.includes(event.key) || event.key === "Tab" || pastes(event)) return; // a paste's keys: its paste event is held (onPaste)
    const at = textOf(document.activeElement);
    const held = at && sections.get(at.key);
    if (!held) return;
    held.keys.push({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey });
    keyEvents.add(event);
    // in a text the browser edits, the key does what it does there; elsewhere, or after a
    // paste (which only the editor can make), it waits
    if (held.edited && !pasted(held.keys)) keepTyping(held.edited);
    else event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent) => {
    const at = textOf(document.activeElement);
    const held = at && sections.get(at.key);
    // a reader's text takes no paste: nothing to hold for an editor that cannot paste there
    if (!held || at.text.getAttribute("aria-readonly") === "true") return;
    event.preventDefault();
    const paste = pasteOf(event.clipboardData);
    if (!paste) return;
    held.keys.push(paste);
    // said where it will go, until the editor has pasted it
    at.text.querySelector(":scope > .sw-prose")?.setAttribute("data-paste-pending", "");
  };
  const onClick = (event: MouseEvent) => {
    const control = event.target instanceof Element ? event.target.closest<HTMLElement>(controls) : null;
    if (!control || textOf(control)) return;
    // nothing happens now (no form is sent, no disclosure opens): the click is the code's
    event.preventDefault();
    event.stopImmediatePropagation();
    // pressed again and again while nothing answered: meant once
    if (clicks[clicks.length - 1] !== control) clicks.push(control);
  };
  document.addEventListener("mousedown", onPress, true);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", onClick, true);
  document.addEventListener("paste", onPaste, true);
  window.specwrightSectionInput = {
    sections,
    clicks,
    keyEvents,
    release: () => {
      document.removeEventListener("mousedown", onPress, true);
      document.removeEventListener("focusin", onFocus, true);
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("paste", onPaste, true);
    },
  };
}

/** Keys that only change others: not held on their own. */
export const MODIFIER_KEYS = ["Shift", "Control", "Meta", "Alt", "AltGraph", "CapsLock"];

/** The page's controls whose clicks wait for its code (a link works without it). */
const CONTROLS = 'button, summary, [role="button"], [role="tab"], [role="menuitem"]';

/** The inline script that holds presses and keys in sections' text (the browser editing a pressed text meanwhile), and clicks on controls, until the page's code takes them. */
export function holdSectionInputScript(): string {
  return `(${watchEarlyEdits.toString()})();(${holdSectionInput.toString()})(${pressedAt.toString()},${beginEarlyEdit.toString()},${keepTypingInEarlyEdit.toString()},${heldPaste.toString()},${isPasteKey.toString()},${holdsPaste.toString()},${JSON.stringify(MODIFIER_KEYS)},${JSON.stringify(CONTROLS)})`;
}

/** The performance mark set as the sections are first drawn in the browser (the page hydrated them). */
export const HYDRATED_MARK = "specwright:sections-hydrated";
/** holders whose page already took over (one per page; a set, not a flag, so each holder counts alone) */
const taken = new WeakSet<HeldSectionInput>();

/**
 * What was done in this section before the page's code ran, once (null when nothing was).
 * The first call stops the inline holder: from then on the page's own handlers take presses,
 * keys and clicks, so it is called as the sections are first drawn in the browser, before any
 * event can reach them. The controls clicked meanwhile are clicked again once that drawing is
 * done, when their handlers are there.
 */
export function takeEarlyInput(sectionKey: string): EarlyInput | null {
  const held = window.specwrightSectionInput;
  if (!held) return null;
  // the first section drawn stops the holder and makes the held clicks again; the others only look up their own input
  if (!taken.has(held)) {
    taken.add(held);
    // when the page's code took over (bench/editor-load.ts reads it; devtools show it)
    performance.mark(HYDRATED_MARK);
    held.release();
    const clicks = held.clicks.splice(0);
    if (clicks.length) setTimeout(() => clicks.forEach((control) => control.isConnected && control.click()));
  }
  const input = held.sections.get(sectionKey) ?? null;
  held.sections.delete(sectionKey);
  return input;
}

/** Whether the page's inline holder already kept this key event (React may hand it on once it has hydrated). */
export function heldEarly(event: Event): boolean {
  return window.specwrightSectionInput?.keyEvents.has(event) ?? false;
}
