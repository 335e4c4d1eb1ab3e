import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { loadMembership } from "../workspaces/loadMembership";
import { documentFilters } from "./documentFilters";
import { ListDocumentsInput } from "./inputs";
import { presentSummary, type DocumentSummaryDto } from "./present";
import { rankDocuments, searchSnippets } from "./searchDocuments";

export interface DocumentPage {
  items: DocumentSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

/**
 * Lists a workspace's documents, newest change first: filter by status, template, owner,
 * reviewer, or a typed field's value (see `documentFilters`), or the trash; `q` ranks by
 * full-text search instead, with prose snippets. Requires `document.view`; an unknown
 * filter throws InvalidInput.
 */
export async function listDocuments(ctx: Ctx, raw: ListDocumentsInput): Promise<DocumentPage> {
  const input = ListDocumentsInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "document.view");
  const conditions = await documentFilters(ctx, workspace.id, input);
  const where: Prisma.DocumentWhereInput = {
    workspaceId: workspace.id,
    deletedAt: input.trash === "1" ? { not: null } : null,
    ...(input.status ? { status: input.status } : {}),
    AND: conditions,
  };
  const include = { template: true, owner: true } as const;
  const skip = (input.page - 1) * input.pageSize;
  const pageOf = (total: number) => ({ total, page: input.page, pageSize: input.pageSize, pages: Math.max(1, Math.ceil(total / input.pageSize)) });

  if (input.q) {
    const ranked = await rankDocuments(ctx, workspace.id, input.q);
    const rank = new Map(ranked.map((id, i) => [id, i]));
    const rows = await ctx.db.document.findMany({ where: { ...where, id: { in: ranked } }, include });
    rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    const shown = rows.slice(skip, skip + input.pageSize);
    const snippets = await searchSnippets(ctx, shown.map((d) => d.id), input.q);
    return { items: shown.map((d) => presentSummary(d, snippets.get(d.id))), ...pageOf(rows.length) };
  }

  const [rows, total] = await Promise.all([
    ctx.db.document.findMany({ where, include, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip, take: input.pageSize }),
    ctx.db.document.count({ where }),
  ]);
  return { items: rows.map((d) => presentSummary(d)), ...pageOf(total) };
}
