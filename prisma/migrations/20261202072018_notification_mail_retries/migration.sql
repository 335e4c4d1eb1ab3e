-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "mailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mailLastError" TEXT,
ADD COLUMN     "mailNextAttemptAt" TIMESTAMP(3);

