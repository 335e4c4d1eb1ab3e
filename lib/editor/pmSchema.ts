import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { documentExtensions } from "./extensions";
import type { PMDoc } from "./schema";

let schema: Schema | undefined;

/** The ProseMirror schema of the editor, for server-side conversion. */
export function editorSchema(): Schema {
  schema ??= getSchema(documentExtensions());
  return schema;
}

/**
 * The canonical JSON of a document: parsed by the schema (unknown nodes refused, default
 * attributes filled in) and serialised again, so equal content gives equal JSON.
 */
export function normalizeDoc(doc: PMDoc): PMDoc {
  return editorSchema().nodeFromJSON(doc).toJSON() as PMDoc;
}
