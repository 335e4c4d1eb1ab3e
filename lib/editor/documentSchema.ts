import { getSchema } from "@tiptap/core";
import { documentExtensions } from "./extensions";
import { withoutLaterDefaults } from "./laterDefaults";
import type { PMDoc } from "./schema";

/**
 * The document's ProseMirror schema, built from the tiptap extension list: the server's
 * projection, validation, Markdown and search share it. (Each browser editor builds its own
 * from the same list.)
 */
export const documentSchema = getSchema(documentExtensions);

/**
 * The canonical JSON of a document: parsed by the schema (unknown nodes refused, default
 * attributes filled in) and serialised again, so equal content gives equal JSON.
 */
export function normalizeDoc(doc: PMDoc): PMDoc {
  return withoutLaterDefaults(documentSchema.nodeFromJSON(doc).toJSON() as PMDoc);
}
