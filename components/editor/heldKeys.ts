/** What a paste made before a section's editor was there carried, to be pasted there once it is. */
export interface HeldPaste {
  html: string;
  text: string;
  files: File[];
}

/** A key pressed before a section's editor was there, to be pressed again once it is. */
export interface HeldKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** a paste, in its place among the keys (key "Paste") */
  paste?: HeldPaste;
}

/** A character to insert as it is (no shortcut modifier). */
export function isCharacter(held: HeldKey): boolean {
  return !held.paste && held.key.length === 1 && !held.ctrlKey && !held.metaKey && !held.altKey;
}

/**
 * A paste's clipboard as held until the editor pastes it (null when it carries nothing to
 * paste). Also turned into the page's inline script with `toString()` (earlyInput.ts), so it
 * uses nothing from outside itself.
 */
export function heldPaste(data: DataTransfer | null): HeldKey | null {
  if (!data) return null;
  const paste = { html: data.getData("text/html"), text: data.getData("text/plain"), files: [...data.files] };
  if (!paste.html && !paste.text && !paste.files.length) return null;
  return { key: "Paste", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, paste };
}

/**
 * Whether a key event pastes (Ctrl/Cmd+V, Shift+Insert): such keys are left to the browser,
 * whose paste event is held instead. Also turned into the page's inline script.
 */
export function isPasteKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): boolean {
  return ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "v") || (event.shiftKey && event.key === "Insert");
}

/** Whether the keys held include a paste: what comes after it waits for the editor, which pastes first. Also turned into the page's inline script. */
export function holdsPaste(keys: HeldKey[]): boolean {
  return keys.some((held) => held.paste);
}
