-- The drawings kept so far do not say which Mermaid version and look drew them. A cache:
-- they go, and are drawn again when a page lacks them.
DELETE FROM "DiagramDrawing";

-- AlterTable
ALTER TABLE "DiagramDrawing" ADD COLUMN     "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "look" TEXT NOT NULL;
