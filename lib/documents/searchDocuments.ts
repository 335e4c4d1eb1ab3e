import type { Ctx } from "../context";
import { PROSE_BLOCKS } from "../editor/schema";

const MAX_SEARCH_HITS = 500;

/**
 * Full-text search over titles, section titles and section text (diagram and code source
 * included, so a name in a diagram finds its document): ids of the workspace's documents,
 * best match first.
 */
export async function rankDocuments(ctx: Ctx, workspaceId: string, query: string): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    WITH docs AS (
      SELECT d.id, d.title,
             d.title || E'\n' || coalesce(string_agg(s.title || E'\n' || s.text, E'\n' ORDER BY s.position), '') AS body
      FROM "Document" d LEFT JOIN "Section" s ON s."documentId" = d.id
      WHERE d."workspaceId" = ${workspaceId}
      GROUP BY d.id
    ), q AS (SELECT websearch_to_tsquery('english', ${query}) AS q)
    SELECT docs.id
    FROM docs, q
    WHERE (setweight(to_tsvector('english', docs.title), 'A') || to_tsvector('english', docs.body)) @@ q.q
    ORDER BY ts_rank(setweight(to_tsvector('english', docs.title), 'A') || to_tsvector('english', docs.body), q.q) DESC, docs.id
    LIMIT ${MAX_SEARCH_HITS}`;
  return rows.map((r) => r.id);
}

/** Every prose block of a body, at any depth (in lists, tables, quotes), in document order. */
const PROSE_PATH = `strict $.** ? (${PROSE_BLOCKS.map((type) => `@.type == "${type}"`).join(" || ")})`;

/**
 * Snippets of these documents for a search, with matches between ⟦ and ⟧: made of the title,
 * section titles and prose only, never diagram, code or raw HTML source (issue 18). Read
 * from the section bodies, for one page of hits at a time.
 */
export async function searchSnippets(ctx: Ctx, documentIds: string[], query: string): Promise<Map<string, string>> {
  if (!documentIds.length) return new Map();
  const rows = await ctx.db.$queryRaw<{ id: string; highlight: string }[]>`
    WITH docs AS (
      SELECT d.id,
             d.title || E'\n' || coalesce(string_agg(s.title || E'\n' || prose.text, E'\n' ORDER BY s.position), '') AS body
      FROM "Document" d
      LEFT JOIN "Section" s ON s."documentId" = d.id
      LEFT JOIN LATERAL (
        SELECT coalesce(string_agg(block.line, E'\n' ORDER BY block.n), '') AS text
        FROM (
          SELECT b.n,
                 (SELECT string_agg(CASE WHEN i.node->>'type' = 'hardBreak' THEN ' ' ELSE coalesce(i.node->>'text', '') END, '' ORDER BY i.m)
                  FROM jsonb_path_query(b.node, 'lax $.content[*]') WITH ORDINALITY AS i(node, m)) AS line
          FROM jsonb_path_query(s.body, ${PROSE_PATH}::jsonpath) WITH ORDINALITY AS b(node, n)
        ) block
      ) prose ON true
      WHERE d.id = ANY(${documentIds}::text[])
      GROUP BY d.id
    )
    SELECT docs.id,
           ts_headline('english', docs.body, websearch_to_tsquery('english', ${query}),
                       'StartSel=⟦, StopSel=⟧, MaxFragments=2, MinWords=5, MaxWords=18, FragmentDelimiter=" … "') AS highlight
    FROM docs`;
  return new Map(rows.map((r) => [r.id, r.highlight]));
}
