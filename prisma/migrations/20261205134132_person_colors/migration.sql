-- AlterTable
ALTER TABLE "User" ADD COLUMN     "color" TEXT;

