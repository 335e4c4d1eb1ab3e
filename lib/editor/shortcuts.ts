/** A key binding as people read it and as `aria-keyshortcuts` names it. */
export interface ShortcutText {
  /** "Ctrl+Shift+8", or "⇧⌘8" on a Mac */
  label: string;
  /** "Control+Shift+8", or "Meta+Shift+8" on a Mac */
  aria: string;
}

const MAC_SYMBOLS: Record<string, string> = { Mod: "⌘", Ctrl: "⌃", Alt: "⌥", Shift: "⇧" };
// the order Apple's menus show modifiers in
const MAC_ORDER = ["Ctrl", "Alt", "Shift", "Mod"];

/**
 * A ProseMirror key name ("Mod-Shift-8", "Mod-Alt-c") written for the person's platform
 * ("Mod" is Command on a Mac and Ctrl elsewhere). Pure; throws nothing.
 */
export function shortcutText(keys: string, mac: boolean): ShortcutText {
  const parts = keys.split("-");
  const key = (parts.pop() ?? "").toUpperCase();
  const mods = parts.map((m) => (m === "Cmd" || m === "Meta" ? "Mod" : m === "Control" ? "Ctrl" : m));
  const ariaMod = (m: string) => (m === "Mod" ? (mac ? "Meta" : "Control") : m === "Ctrl" ? "Control" : m);
  const aria = [...mods.map(ariaMod), key].join("+");
  if (mac) {
    const sorted = [...mods].sort((a, b) => MAC_ORDER.indexOf(a) - MAC_ORDER.indexOf(b));
    return { label: sorted.map((m) => MAC_SYMBOLS[m] ?? m).join("") + key, aria };
  }
  return { label: [...mods.map((m) => (m === "Mod" ? "Ctrl" : m)), key].join("+"), aria };
}

/** Whether a browser's platform string is Apple's (where Mod is Command). */
export function isMacPlatform(platform: string): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(platform);
}
