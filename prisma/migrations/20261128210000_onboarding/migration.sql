-- Onboarding: password reset links, the agent that "Agent einrichten" manages, and versioned prompt instructions.
-- AlterTable
ALTER TABLE "retell_configurations" ADD COLUMN     "lastSetupAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastSetupHash" TEXT,
ADD COLUMN     "managedAgentId" TEXT,
ADD COLUMN     "managedLlmId" TEXT,
ADD COLUMN     "transferNumber" TEXT,
ADD COLUMN     "voiceId" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "passwordResetExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "passwordResetTokenHash" TEXT;

-- CreateTable
CREATE TABLE "agent_prompt_versions" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "instructions" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_prompt_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agent_prompt_versions_companyId_version_key" ON "agent_prompt_versions"("companyId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "users_passwordResetTokenHash_key" ON "users"("passwordResetTokenHash");

-- AddForeignKey
ALTER TABLE "agent_prompt_versions" ADD CONSTRAINT "agent_prompt_versions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

