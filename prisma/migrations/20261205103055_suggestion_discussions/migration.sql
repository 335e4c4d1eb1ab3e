-- AlterTable
ALTER TABLE "CommentThread" ADD COLUMN     "suggestionId" TEXT;

