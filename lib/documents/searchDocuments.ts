import type { Ctx } from "../context";
import { PROSE_BLOCKS } from "../editor/schema";

const MAX_SEARCH_HITS = 500;

/**
 * Full-text search over titles, section titles and section text (diagram and code source
 * included, so a name in a diagram finds its document): ids of the workspace's documents,
 * best match first. Each document is matched and ranked on its whole text (title, then its
 * sections in order), but only the documents with a title or a section holding one of the
 * query's words are read: those come from the search indexes (migration
 * 20261203172000_search_indexes, on the same expressions as `candidates` below), so a search
 * no longer builds the text vector of every document of the workspace.
 */
export async function rankDocuments(ctx: Ctx, workspaceId: string, query: string): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS q),
    -- any of the query's words: every document that can match the whole query has one of them
    -- in its title or in one section
    loose AS (SELECT replace(q.q::text, ' & ', ' | ')::tsquery AS q FROM q),
    candidates AS (
      SELECT d.id FROM "Document" d, loose
      WHERE d."workspaceId" = ${workspaceId} AND to_tsvector('english'::regconfig, d.title) @@ loose.q
      UNION
      SELECT s."documentId" FROM "Section" s JOIN "Document" d ON d.id = s."documentId", loose
      WHERE d."workspaceId" = ${workspaceId} AND to_tsvector('english'::regconfig, s.title || E'\n' || s.text) @@ loose.q
    ),
    docs AS (
      SELECT d.id, d.title,
             d.title || E'\n' || coalesce(string_agg(s.title || E'\n' || s.text, E'\n' ORDER BY s.position), '') AS body
      FROM "Document" d LEFT JOIN "Section" s ON s."documentId" = d.id
      WHERE d.id IN (SELECT id FROM candidates)
      GROUP BY d.id
    )
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
