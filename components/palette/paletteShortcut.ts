/** The keys that open the command palette, as ProseMirror names them (Ctrl+K is the editor's link). */
export const PALETTE_KEYS = ["Mod-p", "Mod-/"] as const;

interface KeyPress {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press opens the palette: Cmd+P or Cmd+/ on a Mac, Ctrl+P or Ctrl+/ elsewhere
 * (Shift may be held: on some keyboards "/" is typed with it). Pure.
 */
export function isPaletteShortcut(event: KeyPress, mac: boolean): boolean {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey) return false;
  return event.key.toLowerCase() === "p" || event.key === "/";
}
