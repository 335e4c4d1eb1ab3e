-- CreateTable
CREATE TABLE "DiagramDrawing" (
    "key" TEXT NOT NULL,
    "svg" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiagramDrawing_pkey" PRIMARY KEY ("key")
);

