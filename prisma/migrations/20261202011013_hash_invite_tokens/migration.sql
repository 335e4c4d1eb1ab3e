-- Invite links keep working: each stored token becomes its sha256 (hex), which is what
-- the app now looks up. The token itself is no longer stored.
DROP INDEX "Invite_token_key";

ALTER TABLE "Invite" ADD COLUMN "tokenHash" TEXT;
UPDATE "Invite" SET "tokenHash" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
ALTER TABLE "Invite" ALTER COLUMN "tokenHash" SET NOT NULL;
ALTER TABLE "Invite" DROP COLUMN "token";

CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");
