-- CreateTable
CREATE TABLE "ApiTokenCall" (
    "id" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "requestId" TEXT NOT NULL,

    CONSTRAINT "ApiTokenCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiTokenCall_tokenId_at_idx" ON "ApiTokenCall"("tokenId", "at");

-- AddForeignKey
ALTER TABLE "ApiTokenCall" ADD CONSTRAINT "ApiTokenCall_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

