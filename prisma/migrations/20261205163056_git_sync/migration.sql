-- CreateTable
CREATE TABLE "GitConnection" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "repoUrl" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT 'all',
    "scopeValue" TEXT NOT NULL DEFAULT '',
    "credentialKind" TEXT NOT NULL DEFAULT 'none',
    "credential" TEXT,
    "credentialUser" TEXT NOT NULL DEFAULT 'x-access-token',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastCommitSha" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "nextSyncAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "GitConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GitSyncedFile" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "baseMarkdown" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GitSyncedFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GitSyncRequest" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "documentId" TEXT,
    "authorId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GitSyncRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GitSyncConflict" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "commitSha" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "GitSyncConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GitConnection_workspaceId_idx" ON "GitConnection"("workspaceId");

-- CreateIndex
CREATE INDEX "GitConnection_nextSyncAt_idx" ON "GitConnection"("nextSyncAt");

-- CreateIndex
CREATE INDEX "GitSyncedFile_documentId_idx" ON "GitSyncedFile"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "GitSyncedFile_connectionId_documentId_key" ON "GitSyncedFile"("connectionId", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "GitSyncedFile_connectionId_path_key" ON "GitSyncedFile"("connectionId", "path");

-- CreateIndex
CREATE INDEX "GitSyncRequest_connectionId_createdAt_idx" ON "GitSyncRequest"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "GitSyncConflict_documentId_resolvedAt_idx" ON "GitSyncConflict"("documentId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "GitConnection" ADD CONSTRAINT "GitConnection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GitSyncedFile" ADD CONSTRAINT "GitSyncedFile_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "GitConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GitSyncedFile" ADD CONSTRAINT "GitSyncedFile_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GitSyncRequest" ADD CONSTRAINT "GitSyncRequest_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "GitConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GitSyncConflict" ADD CONSTRAINT "GitSyncConflict_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "GitConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GitSyncConflict" ADD CONSTRAINT "GitSyncConflict_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

