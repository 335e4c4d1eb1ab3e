import type { DbTx } from "../db";
import { readFrontMatter } from "../markdown/frontMatter";

/** What decides whether a connection covers a document. */
export interface ScopeOf {
  scope: string;
  scopeValue: string;
}

interface ScopedDocument {
  template: { key: string };
  metadata: string | null;
}

/** The tags a document's front matter gives it: `tags: [a, b]`, `tags: a, b` or `tag: a`. */
export function documentTags(metadata: string | null): string[] {
  if (!metadata) return [];
  const { data } = readFrontMatter(metadata);
  const raw = data.tags ?? data.tag;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : [];
  return list.map((t) => String(t).trim().toLowerCase()).filter(Boolean);
}

/** Whether a connection's scope covers a document: all, its template's key, or a tag in its metadata. */
export function inScope(connection: ScopeOf, doc: ScopedDocument): boolean {
  if (connection.scope === "template") return doc.template.key === connection.scopeValue;
  if (connection.scope === "tag") return documentTags(doc.metadata).includes(connection.scopeValue.trim().toLowerCase());
  return true;
}

/** Ids of the workspace's live documents a connection covers, oldest first. */
export async function documentsInScope(db: DbTx, workspaceId: string, connection: ScopeOf): Promise<string[]> {
  const docs = await db.document.findMany({
    where: { workspaceId, deletedAt: null, ...(connection.scope === "template" ? { template: { key: connection.scopeValue } } : {}) },
    select: { id: true, metadata: true, template: { select: { key: true } } },
    orderBy: { createdAt: "asc" },
  });
  return docs.filter((d) => inScope(connection, d)).map((d) => d.id);
}
