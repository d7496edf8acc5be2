-- Sessions are re-checked against the user at least once a minute: deactivated users and
-- users whose session version was raised lose access.
ALTER TABLE "users" ADD COLUMN     "isActive" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 1;
