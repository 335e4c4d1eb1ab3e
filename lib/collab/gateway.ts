import * as Y from "yjs";
import { getDb } from "../db";
import { loadDocumentState, storeDocumentState } from "./persistence";
import { replaceBlock, type BlockReplacement } from "./replaceBlock";
import { replaceSections, type Replacement } from "./replaceSections";

/** Changes a document's Y.Doc; the change reaches open editors live and is stored with its projection. */
export type ChangeDocument = (documentId: string, change: (ydoc: Y.Doc) => void) => Promise<void>;

/** Stores a document's live state now, on every process that holds it open. */
export type FlushDocument = (documentId: string) => Promise<void>;

/** Writes whole sections into a document; only data crosses, see `replaceDocumentSections`. */
type ReplaceDocumentSections = (documentId: string, replacement: Replacement) => Promise<void>;

/** Replaces one block of a section; whether it was there to replace. Only data crosses, as above. */
type ReplaceDocumentBlock = (documentId: string, replacement: BlockReplacement) => Promise<boolean>;

const globalForCollab = globalThis as unknown as {
  specwrightChangeDocument?: ChangeDocument;
  specwrightFlushDocument?: FlushDocument;
  specwrightReplaceSections?: ReplaceDocumentSections;
  specwrightReplaceBlock?: ReplaceDocumentBlock;
};

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
  // built here, in the collaboration server's copy of this module, so the Y types it
  // creates come from the same yjs as the live documents
  globalForCollab.specwrightReplaceSections = fn && ((documentId, replacement) => fn(documentId, (ydoc) => replaceSections(ydoc, replacement)));
  globalForCollab.specwrightReplaceBlock = fn && ((documentId, replacement) => blockReplacedBy(fn, documentId, replacement));
}

/** Runs a block replacement through `change`; whether the block was there. */
async function blockReplacedBy(change: ChangeDocument, documentId: string, replacement: BlockReplacement): Promise<boolean> {
  let replaced = false;
  await change(documentId, (ydoc) => {
    replaced = replaceBlock(ydoc, replacement);
  });
  return replaced;
}

/**
 * Makes the Section projection current before it is judged (submit gate, approvals): the
 * collaboration server stores debounced, so what editors just typed may not be there yet.
 * Throws ServiceUnavailable when that store fails (nothing is judged on stale content).
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

/**
 * Replaces whole sections (restore): like `changeDocument`, but the caller passes data, not
 * a function. Next's server bundle may load its own copy of yjs, and Y types made by one
 * copy cannot go into a document of the other; this runs the write with the collaboration
 * server's copy.
 */
export function replaceDocumentSections(documentId: string, replacement: Replacement): Promise<void> {
  const live = globalForCollab.specwrightReplaceSections;
  return live ? live(documentId, replacement) : directChange(documentId, (ydoc) => replaceSections(ydoc, replacement));
}

/** Replaces one block of a section through the live document, as `replaceDocumentSections` writes sections; whether the block was there. */
export function replaceDocumentBlock(documentId: string, replacement: BlockReplacement): Promise<boolean> {
  return (globalForCollab.specwrightReplaceBlock ?? ((id, r) => blockReplacedBy(directChange, id, r)))(documentId, replacement);
}
