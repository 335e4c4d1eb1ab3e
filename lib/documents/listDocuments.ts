import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { loadMembership } from "../workspaces/loadMembership";
import { ListDocumentsInput } from "./inputs";
import { presentSummary, type DocumentSummaryDto } from "./present";

export interface DocumentPage {
  items: DocumentSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

const MAX_SEARCH_HITS = 500;

/** Full-text search over titles, section titles and section text: ids by rank, with a highlighted snippet. */
async function search(ctx: Ctx, workspaceId: string, query: string): Promise<{ id: string; highlight: string }[]> {
  return ctx.db.$queryRaw<{ id: string; highlight: string }[]>`
    WITH docs AS (
      SELECT d.id, d.title,
             d.title || E'\n' || coalesce(string_agg(s.title || E'\n' || s.text, E'\n' ORDER BY s.position), '') AS body
      FROM "Document" d LEFT JOIN "Section" s ON s."documentId" = d.id
      WHERE d."workspaceId" = ${workspaceId}
      GROUP BY d.id
    ), q AS (SELECT websearch_to_tsquery('english', ${query}) AS q)
    SELECT docs.id,
           ts_headline('english', docs.body, q.q, 'StartSel=⟦, StopSel=⟧, MaxFragments=2, MinWords=5, MaxWords=18, FragmentDelimiter=" … "') AS highlight
    FROM docs, q
    WHERE (setweight(to_tsvector('english', docs.title), 'A') || to_tsvector('english', docs.body)) @@ q.q
    ORDER BY ts_rank(setweight(to_tsvector('english', docs.title), 'A') || to_tsvector('english', docs.body), q.q) DESC, docs.id
    LIMIT ${MAX_SEARCH_HITS}`;
}

/**
 * Lists a workspace's documents, newest change first: filter by status, template key,
 * owner, any typed field's value (`value=me` means the actor), or the trash; `q` ranks by
 * full-text search instead and highlights matches. Requires `document.view`.
 */
export async function listDocuments(ctx: Ctx, raw: ListDocumentsInput): Promise<DocumentPage> {
  const input = ListDocumentsInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "document.view");
  const fieldValue = input.value === "me" ? ctx.actor.userId : input.value;
  const where: Prisma.DocumentWhereInput = {
    workspaceId: workspace.id,
    deletedAt: input.trash === "1" ? { not: null } : null,
    ...(input.status ? { status: input.status } : {}),
    ...(input.template ? { template: { key: input.template } } : {}),
    ...(input.owner ? { ownerId: input.owner } : {}),
    ...(input.field && fieldValue !== undefined
      ? {
          sections: {
            some: {
              OR: [
                { fields: { path: [input.field], equals: fieldValue } },
                { fields: { path: [input.field], array_contains: [fieldValue] } },
              ],
            },
          },
        }
      : {}),
  };
  const include = { template: true, owner: true } as const;
  const skip = (input.page - 1) * input.pageSize;

  if (input.q) {
    const hits = await search(ctx, workspace.id, input.q);
    const rank = new Map(hits.map((h, i) => [h.id, i]));
    const rows = await ctx.db.document.findMany({ where: { ...where, id: { in: hits.map((h) => h.id) } }, include });
    rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    const highlight = new Map(hits.map((h) => [h.id, h.highlight]));
    return {
      items: rows.slice(skip, skip + input.pageSize).map((d) => presentSummary(d, highlight.get(d.id))),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
      pages: Math.max(1, Math.ceil(rows.length / input.pageSize)),
    };
  }

  const [rows, total] = await Promise.all([
    ctx.db.document.findMany({ where, include, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip, take: input.pageSize }),
    ctx.db.document.count({ where }),
  ]);
  return { items: rows.map((d) => presentSummary(d)), total, page: input.page, pageSize: input.pageSize, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}
