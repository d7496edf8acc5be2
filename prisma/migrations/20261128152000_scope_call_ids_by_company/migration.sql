-- Retell call ids are unique per company, not across companies: another company's workspace
-- may use the same id, and must neither be refused nor take over the first company's call.
DROP INDEX "calls_retellCallId_key";

CREATE UNIQUE INDEX "calls_companyId_retellCallId_key" ON "calls"("companyId", "retellCallId");

-- De-duplication keys name the company too: retell:<call_id>:… becomes retell:<company id>:<call_id>:…
UPDATE "webhook_events"
   SET "dedupeKey" = 'retell:' || "companyId" || ':' || substr("dedupeKey", length('retell:') + 1)
 WHERE "provider" = 'retell' AND "companyId" IS NOT NULL AND "dedupeKey" LIKE 'retell:%';

UPDATE "tasks"
   SET "dedupeKey" = 'retell:' || "companyId" || ':' || substr("dedupeKey", length('retell:') + 1)
 WHERE "dedupeKey" LIKE 'retell:%:collected';
