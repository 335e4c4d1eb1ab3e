import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { loadDocument } from "../documents/loadDocument";

/** Larger states are not inlined into the page; the editor waits for the socket instead. */
const MAX_INLINE_BYTES = 512 * 1024;

/**
 * The stored Yjs state of a document (base64), for the page to render editable sections
 * before the socket has synced. Only state the collaboration server stored itself is
 * returned — never one rebuilt from Section rows, whose fresh history would duplicate
 * content when merged. Requires `document.view`.
 */
export async function storedStateForPage(ctx: Ctx, documentId: string): Promise<string | null> {
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.view");
  if (!doc.yState || doc.yState.byteLength > MAX_INLINE_BYTES) return null;
  return Buffer.from(doc.yState).toString("base64");
}
