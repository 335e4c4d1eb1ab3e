-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "markdownLayout" JSONB,
ADD COLUMN     "metadata" TEXT;

