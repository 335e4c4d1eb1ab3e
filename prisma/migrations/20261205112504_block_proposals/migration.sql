-- AlterTable
ALTER TABLE "CommentThread" ADD COLUMN     "proposal" JSONB;

