import type { PMNode } from "./schema";

// Free of ProseMirror (read-only pages use it); the editor's plugin is emptyBodyPlugin.ts.

/** What an empty section body says to someone who can write in it. */
export const EMPTY_BODY_HINT = "Type / for blocks";
/** … and to someone who can only read it. */
export const EMPTY_BODY_READ_ONLY = "Nothing written yet";
/** The class that draws the hint (`::before`, so it is never part of the text). */
export const EMPTY_BODY_CLASS = "sw-empty-body";

/** The hint an empty body shows, for someone who can write in it or not. */
export function emptyBodyHint(editable: boolean): string {
  return editable ? EMPTY_BODY_HINT : EMPTY_BODY_READ_ONLY;
}

/** A body with no text and nothing else in it: no blocks, or one empty paragraph (ProseMirror JSON). */
export function isEmptyBody(doc: PMNode): boolean {
  const blocks = doc.content ?? [];
  return blocks.length === 0 || (blocks.length === 1 && blocks[0]!.type === "paragraph" && !blocks[0]!.content?.length);
}
