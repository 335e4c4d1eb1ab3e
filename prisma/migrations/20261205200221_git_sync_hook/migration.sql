-- AlterTable
ALTER TABLE "GitConnection" ADD COLUMN     "hookLastAt" TIMESTAMP(3),
ADD COLUMN     "hookSecret" TEXT;

