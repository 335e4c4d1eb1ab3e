import { z } from "zod";
import { stringify } from "yaml";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { InvalidInput } from "../errors";
import { readFrontMatter } from "../markdown/frontMatter";
import { isStorableText, UNSTORABLE_MESSAGE } from "../util/storableText";
import { Id } from "../workspaces/schema";
import { loadDocument } from "./loadDocument";

/** The largest front matter a document keeps. */
export const MAX_METADATA_CHARS = 20_000;

export const UpdateMetadataInput = z.object({
  documentId: Id,
  /** the front matter as YAML source; "" removes it */
  source: z.string().max(MAX_METADATA_CHARS, `Keep the metadata under ${MAX_METADATA_CHARS} characters.`).refine(isStorableText, UNSTORABLE_MESSAGE),
});
export type UpdateMetadataInput = z.infer<typeof UpdateMetadataInput>;

export interface DocumentMetadataDto {
  /** the YAML source as stored, comments included; null when the document has none */
  source: string | null;
  /** key and value as written, in order (a list or mapping as YAML) */
  entries: { key: string; value: string }[];
  /** why the source is not a YAML mapping (it is kept and exported as written); null when it is */
  error: string | null;
}

function shown(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A document's front matter as the page shows it. Pure. */
export function presentMetadata(source: string | null): DocumentMetadataDto {
  if (source === null) return { source: null, entries: [], error: null };
  const { data, error } = readFrontMatter(source);
  return { source, entries: Object.entries(data).map(([key, value]) => ({ key, value: shown(value) })), error };
}

/** The document's front matter (metadata). Requires `document.view`; NotFound outside the actor's workspaces. */
export async function getDocumentMetadata(ctx: Ctx, raw: { documentId: string }): Promise<DocumentMetadataDto> {
  const { documentId } = z.object({ documentId: Id }).parse(raw);
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.view");
  return presentMetadata(doc.metadata);
}

/** Throws InvalidInput, saying why, unless `source` can be a document's front matter: a YAML mapping with no fence line. */
export function checkMetadataSource(source: string): void {
  const { error } = readFrontMatter(source);
  if (error) throw new InvalidInput(`The metadata is not a YAML mapping of keys to values: ${error}.`, { source: [error] });
  if (/^(?:---|\.\.\.)[ \t]*$/m.test(source)) throw new InvalidInput("The metadata cannot hold a line of --- or ..., which would end the front matter.", { source: ["fence line"] });
}

/**
 * Replaces the document's front matter with YAML source, stored as written (comments
 * included) and exported unchanged. The source must be a YAML mapping of keys to values
 * (InvalidInput otherwise, with the reason); "" removes the front matter. Requires
 * `document.edit`; NotFound outside the actor's workspaces.
 */
export async function updateDocumentMetadata(ctx: Ctx, raw: UpdateMetadataInput): Promise<DocumentMetadataDto> {
  const input = UpdateMetadataInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "document.edit");
  const text = input.source.replace(/\r\n?/g, "\n");
  const source = text.trim() ? (text.endsWith("\n") ? text : `${text}\n`) : null;
  if (source !== null) checkMetadataSource(source);
  if (source === doc.metadata) return presentMetadata(source);
  await inTransaction(ctx, async (tx) => {
    await tx.db.document.update({ where: { id: doc.id }, data: { metadata: source, updatedAt: new Date() } });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "document.metadata_changed", subjectId: doc.id, data: { keys: Object.keys(readFrontMatter(source ?? "").data).length } });
  });
  return presentMetadata(source);
}
