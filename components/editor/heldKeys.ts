/** A key pressed before a section's editor was there, to be pressed again once it is. */
export interface HeldKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** A character to insert as it is (no shortcut modifier). */
export function isCharacter(held: HeldKey): boolean {
  return held.key.length === 1 && !held.ctrlKey && !held.metaKey && !held.altKey;
}
