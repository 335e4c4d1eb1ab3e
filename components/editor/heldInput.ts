// Sections holding what was typed into them before their editor started (the text the browser
// edited, or keys waiting): not in the shared document yet, so the page does not say "Saved".

const holding = new Set<string>();
const listeners = new Set<() => void>();

/** Marks a section as holding typed input, or no longer. */
export function setHeld(sectionKey: string, held: boolean): void {
  if (held === holding.has(sectionKey)) return;
  if (held) holding.add(sectionKey);
  else holding.delete(sectionKey);
  listeners.forEach((listener) => listener());
}

/** Whether this section holds typed input its editor has not taken yet. */
export function isHeld(sectionKey: string): boolean {
  return holding.has(sectionKey);
}

/** Whether any section holds typed input its editor has not taken yet. */
export function anyHeld(): boolean {
  return holding.size > 0;
}

/** Calls `listener` when that changes; returns the unsubscribe. */
export function onHeldChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// leaving the page (closing the tab, reloading) while a section holds such input: the
// browser asks first
if (typeof window !== "undefined") {
  window.addEventListener("beforeunload", (event) => {
    if (anyHeld()) event.preventDefault();
  });
}
