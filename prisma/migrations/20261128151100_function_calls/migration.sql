-- CreateTable
CREATE TABLE "function_calls" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "retellCallId" TEXT NOT NULL,
    "functionName" TEXT NOT NULL,
    "arguments" JSONB NOT NULL,
    "answer" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "function_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "function_calls_companyId_retellCallId_createdAt_idx" ON "function_calls"("companyId", "retellCallId", "createdAt");

-- AddForeignKey
ALTER TABLE "function_calls" ADD CONSTRAINT "function_calls_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
