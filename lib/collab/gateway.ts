import * as Y from "yjs";
import { getDb } from "../db";
import { loadDocumentState, storeDocumentState } from "./persistence";

/** Changes a document's Y.Doc; the change reaches open editors live and is stored with its projection. */
export type ChangeDocument = (documentId: string, change: (ydoc: Y.Doc) => void) => Promise<void>;

/** Stores a document's live state now, if it is open in this process. */
export type FlushDocument = (documentId: string) => Promise<void>;

const globalForCollab = globalThis as unknown as { specwrightChangeDocument?: ChangeDocument; specwrightFlushDocument?: FlushDocument };

/** Used when no collaboration server runs in this process (scripts, tests): load, change, store. */
const directChange: ChangeDocument = async (documentId, change) => {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await loadDocumentState(getDb(), documentId));
  ydoc.transact(() => change(ydoc));
  await storeDocumentState(getDb(), documentId, ydoc);
};

/** Installed by the collaboration server so server-side writes go through live documents. */
export function setChangeDocument(fn: ChangeDocument | undefined, flush?: FlushDocument): void {
  globalForCollab.specwrightChangeDocument = fn;
  globalForCollab.specwrightFlushDocument = flush;
}

/**
 * Makes the Section projection current before it is judged (submit gate, approvals): the
 * collaboration server stores debounced, so what editors just typed may not be there yet.
 */
export async function flushDocument(documentId: string): Promise<void> {
  await globalForCollab.specwrightFlushDocument?.(documentId);
}

/**
 * The one entry point for server-side content writes (field edits from the API, restore,
 * import): the change is applied to the document's Y.Doc in one transaction.
 */
export function changeDocument(documentId: string, change: (ydoc: Y.Doc) => void): Promise<void> {
  return (globalForCollab.specwrightChangeDocument ?? directChange)(documentId, change);
}
