"use client";

// The document changed in a way the submit gate reads: the server stored it (its "stored"
// message reached this page's socket), or a proposal on it was made or settled (the threads
// the page holds say so). Parts of the page that show what the stored content implies (the
// submit gate's problems) check again then, rather than on a timer.

const listeners = new Map<string, Set<() => void>>();

/** Tells the page's listeners that the document changed. */
export function announceDocumentChanged(documentId: string): void {
  for (const listener of listeners.get(documentId) ?? []) listener();
}

/** Calls `listener` whenever the document changed; returns a function that stops. */
export function onDocumentChanged(documentId: string, listener: () => void): () => void {
  let set = listeners.get(documentId);
  if (!set) listeners.set(documentId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(documentId);
  };
}
