import { isMacPlatform } from "@/lib/editor/shortcuts";
import { isPaletteShortcut } from "./paletteShortcut";

/** What was pressed for the palette before the page's code could open it. */
export interface HeldPaletteKeys {
  /** the shortcut was pressed (an odd number of times) */
  open: boolean;
  /** what was typed after it, for the palette's search field */
  text: string;
  /** set once the page's own shortcut listener runs: from then on only typing is held */
  ready: boolean;
  /** stops holding keys and gives back what was typed */
  release: () => string;
}

declare global {
  interface Window {
    specwrightPaletteKeys?: HeldPaletteKeys;
  }
}

/**
 * Runs inline in the page, before the page's code has loaded, so a Ctrl/Cmd+P pressed at first
 * paint opens the palette (not the print dialog) and what is typed next is kept for it. It is
 * turned into the page's script text with `toString()`, so it uses nothing from outside itself:
 * the two functions it needs come as arguments.
 */
function holdPaletteKeys(isShortcut: typeof isPaletteShortcut, isMac: typeof isMacPlatform): void {
  if (window.specwrightPaletteKeys) return;
  const mac = isMac(navigator.platform || navigator.userAgent);
  const editing = () => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
  };
  const onKey = (event: KeyboardEvent) => {
    if (!held.ready && isShortcut(event, mac)) {
      event.preventDefault();
      held.open = !held.open;
      held.text = "";
      return;
    }
    if (!held.open || editing() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      held.open = false;
      held.text = "";
      return;
    }
    if (event.key.length === 1) held.text += event.key;
    else if (event.key === "Backspace") held.text = held.text.slice(0, -1);
    else return;
    event.preventDefault();
  };
  const held: HeldPaletteKeys = {
    open: false,
    text: "",
    ready: false,
    release: () => {
      window.removeEventListener("keydown", onKey, true);
      const text = held.text;
      held.open = false;
      held.text = "";
      return text;
    },
  };
  window.specwrightPaletteKeys = held;
  window.addEventListener("keydown", onKey, true);
}

/** The inline script that holds the palette's keys until the page's code takes them. */
export function holdPaletteKeysScript(): string {
  return `(${holdPaletteKeys.toString()})(${isPaletteShortcut.toString()},${isMacPlatform.toString()})`;
}

/**
 * Called once the page's own shortcut listener runs: whether the palette was asked for before
 * then. When it was not, nothing is held any more; when it was, typing stays held until the
 * palette's field takes it with {@link takeHeldPaletteText}.
 */
export function paletteAskedEarly(): boolean {
  const held = window.specwrightPaletteKeys;
  if (!held) return false;
  held.ready = true;
  if (held.open) return true;
  held.release();
  return false;
}

/** What was typed for the palette before its field existed; stops holding keys. */
export function takeHeldPaletteText(): string {
  return window.specwrightPaletteKeys?.release() ?? "";
}
