-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "signoffRoles" JSONB;

