"use client";

// The server stored a document (its "stored" message reached this page's socket): parts of
// the page that show what the stored content implies (the submit gate's problems) check again
// then, rather than on a timer.

const listeners = new Map<string, Set<() => void>>();

/** Tells the page's listeners that the server stored the document. */
export function announceDocumentStored(documentId: string): void {
  for (const listener of listeners.get(documentId) ?? []) listener();
}

/** Calls `listener` whenever the server stored the document; returns a function that stops. */
export function onDocumentStored(documentId: string, listener: () => void): () => void {
  let set = listeners.get(documentId);
  if (!set) listeners.set(documentId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(documentId);
  };
}
