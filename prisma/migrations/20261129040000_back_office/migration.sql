-- AlterEnum
ALTER TYPE "TaskStatus" ADD VALUE 'not_reached';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "contentRemovedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "notificationsSeenAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "actorName" TEXT,
ADD COLUMN     "entityId" TEXT,
ADD COLUMN     "entityType" TEXT;

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "appointmentId" TEXT,
ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "statusChangedBy" TEXT;

-- CreateIndex
CREATE INDEX "audit_logs_companyId_entityType_entityId_idx" ON "audit_logs"("companyId", "entityType", "entityId");

