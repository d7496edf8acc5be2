import type { PrismaClient, WebhookEvent } from "@/server/generated/prisma/client";

type Seen = Pick<WebhookEvent, "id" | "status" | "attempts">;

/**
 * Takes a stored event for one processing run if nobody changed it since it was read (same
 * status and attempt count), so two runs started at the same moment never both work on it.
 * While it runs the event is "received" with processedAt as the start of the run; `countRun`
 * adds the run to attempts (every run but the first delivery's).
 */
export async function claimEvent(db: Pick<PrismaClient, "webhookEvent">, seen: Seen, now: Date, countRun: boolean): Promise<boolean> {
  const { count } = await db.webhookEvent.updateMany({
    where: { id: seen.id, status: seen.status, attempts: seen.attempts },
    data: { status: "received", error: null, processedAt: now, ...(countRun ? { attempts: { increment: 1 } } : {}) },
  });
  return count === 1;
}
