-- CreateEnum
CREATE TYPE "VersionKind" AS ENUM ('auto', 'named', 'status', 'restore');

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "versionNumber" INTEGER;

-- CreateTable
CREATE TABLE "Version" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "kind" "VersionKind" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "authorIds" TEXT[],
    "summary" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionBlob" (
    "hash" TEXT NOT NULL,
    "content" JSONB NOT NULL,

    CONSTRAINT "VersionBlob_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "VersionPending" (
    "documentId" TEXT NOT NULL,
    "authorIds" TEXT[],
    "since" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VersionPending_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "VersionSeen" (
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionSeen_pkey" PRIMARY KEY ("userId","documentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Version_documentId_number_key" ON "Version"("documentId", "number");

-- CreateIndex
CREATE INDEX "VersionSeen_documentId_idx" ON "VersionSeen"("documentId");

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionPending" ADD CONSTRAINT "VersionPending_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionSeen" ADD CONSTRAINT "VersionSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionSeen" ADD CONSTRAINT "VersionSeen_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

