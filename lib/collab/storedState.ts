import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { loadDocument } from "../documents/loadDocument";
import { loadDocumentState } from "./persistence";

/** Larger states are not inlined into the page; the editor waits for the socket instead. */
const MAX_INLINE_BYTES = 512 * 1024;

/**
 * The stored Yjs state of a document (base64), for the page to render editable sections
 * before the socket has synced. A document never opened before gets its state built and
 * stored here, through the same compare-and-set as the collaboration server, so the page
 * and the socket start from one history. Requires `document.view`.
 */
export async function storedStateForPage(ctx: Ctx, documentId: string): Promise<string | null> {
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.view");
  const state = await loadDocumentState(ctx.db, doc.id);
  if (state.byteLength > MAX_INLINE_BYTES) return null;
  return Buffer.from(state).toString("base64");
}
