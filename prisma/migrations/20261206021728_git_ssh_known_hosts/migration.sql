-- AlterTable: connections from before hold null (their pin is still only in a file, adopted
-- at their next sync), new ones start with an empty text (nothing pinned yet)
ALTER TABLE "GitConnection" ADD COLUMN     "sshKnownHosts" TEXT;
ALTER TABLE "GitConnection" ALTER COLUMN "sshKnownHosts" SET DEFAULT '';
