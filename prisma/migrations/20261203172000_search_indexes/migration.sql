-- Beyond prisma/schema.prisma (it cannot describe expression indexes).
-- Full-text search finds its candidate documents through these indexes instead of building
-- every document's text vector on each search (lib/documents/searchDocuments.ts uses the
-- same expressions).
CREATE INDEX "Section_search_idx" ON "Section" USING GIN (to_tsvector('english'::regconfig, "title" || E'\n' || "text"));
CREATE INDEX "Document_title_search_idx" ON "Document" USING GIN (to_tsvector('english'::regconfig, "title"));
