-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DocumentStatus" ADD VALUE 'deprecated';
ALTER TYPE "DocumentStatus" ADD VALUE 'rejected';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "number" INTEGER,
ADD COLUMN     "numberPrefix" TEXT,
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "workspaceId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("workspaceId","prefix")
);

-- CreateIndex
CREATE INDEX "Document_supersededById_idx" ON "Document"("supersededById");

-- CreateIndex
CREATE UNIQUE INDEX "Document_workspaceId_numberPrefix_number_key" ON "Document"("workspaceId", "numberPrefix", "number");

-- AddForeignKey
ALTER TABLE "DocumentCounter" ADD CONSTRAINT "DocumentCounter_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Number the documents there are, per workspace and prefix, oldest first. The prefix comes
-- from the template's name as lib/documents/numbering.ts makes it: one word, its first four
-- letters (ADR, RFC, PROP), several words their initials (Technical Design: TD).
WITH words AS (
  SELECT t.id, array_remove(regexp_split_to_array(t.name, '[^A-Za-z0-9]+'), '') AS w FROM "Template" t
), made AS (
  SELECT id, CASE
    WHEN cardinality(w) = 0 THEN 'DOC'
    WHEN cardinality(w) = 1 THEN upper(left(w[1], 4))
    ELSE upper(left((SELECT string_agg(left(x, 1), '' ORDER BY i) FROM unnest(w) WITH ORDINALITY AS u(x, i)), 5))
  END AS prefix FROM words
), prefixes AS (
  -- a prefix starts with a letter: "2024 Plan" numbers as DOC
  SELECT id, CASE WHEN prefix ~ '^[A-Z]' THEN prefix ELSE 'DOC' END AS prefix FROM made
), numbered AS (
  SELECT d.id, p.prefix, row_number() OVER (PARTITION BY d."workspaceId", p.prefix ORDER BY d."createdAt", d.id) AS n
  FROM "Document" d JOIN prefixes p ON p.id = d."templateId"
)
UPDATE "Document" d SET "numberPrefix" = numbered.prefix, "number" = numbered.n FROM numbered WHERE numbered.id = d.id;

INSERT INTO "DocumentCounter" ("workspaceId", "prefix", "last")
SELECT "workspaceId", "numberPrefix", max("number") FROM "Document" WHERE "number" IS NOT NULL GROUP BY "workspaceId", "numberPrefix";

-- Decided documents: when their last approval was given.
UPDATE "Document" d SET "decidedAt" = a.at
FROM (SELECT "documentId", max("createdAt") AS at FROM "Approval" WHERE decision = 'approved' GROUP BY "documentId") a
WHERE a."documentId" = d.id AND d.status IN ('approved', 'implemented', 'superseded');
