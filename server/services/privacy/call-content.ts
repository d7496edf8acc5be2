import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/** What removing a call's content clears: transcript, recording, summary and everything the agent collected. */
export function clearedCallContent(now: Date) {
  return {
    transcript: null,
    transcriptObject: Prisma.DbNull,
    recordingUrl: null,
    summary: null,
    collectedData: Prisma.DbNull,
    analysis: Prisma.DbNull,
    contentRemovedAt: now,
  } satisfies Prisma.CallUpdateManyMutationInput;
}

/**
 * The same content kept elsewhere about these calls: Retell's stored webhook bodies (the whole
 * call with transcript and numbers; only the event and call id stay, so the list of events still
 * makes sense) and what the agent's functions were asked and answered.
 */
export async function clearCallTraces(db: Db, companyId: string, retellCallIds: string[]): Promise<void> {
  if (retellCallIds.length === 0) return;
  const ids = Prisma.join(retellCallIds);
  await db.$executeRaw`
    UPDATE webhook_events
       SET payload = jsonb_build_object('event', payload->'event', 'call', jsonb_build_object('call_id', payload->'call'->'call_id'), 'content_removed', true)
     WHERE "companyId" = ${companyId} AND provider = 'retell' AND payload->'call'->>'call_id' IN (${ids})`;
  await db.$executeRaw`UPDATE function_calls SET arguments = '{}'::jsonb, answer = NULL WHERE "companyId" = ${companyId} AND "retellCallId" IN (${ids})`;
  await db.$executeRaw`UPDATE function_invocations SET response = NULL WHERE "companyId" = ${companyId} AND "retellCallId" IN (${ids}) AND completed`;
}
