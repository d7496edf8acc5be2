import { z } from "zod";
import { logger } from "@/server/platform/logger";
import { defineJobKind, PermanentJobError } from "@/server/platform/outbox/job-kind";
import { claimEvent } from "./claim";
import { STUCK_AFTER_MS } from "./event-log";
import { processWebhookEvent } from "./orchestrator";

export const RETELL_WEBHOOK_JOB = "retell.webhook";

/**
 * Processes one stored Retell call event after the webhook was acknowledged. A retry after a
 * failure counts as another attempt; an event that "erneut verarbeiten" finished or is running
 * meanwhile is left alone.
 */
export const retellWebhookJob = defineJobKind({
  payload: z.object({ eventId: z.string().min(1) }),
  async run({ eventId }, job) {
    const event = await job.db.webhookEvent.findUnique({ where: { id: eventId }, select: { id: true, companyId: true, status: true, attempts: true, processedAt: true } });
    if (!event?.companyId) throw new PermanentJobError(`Ereignis ${eventId} nicht gefunden`);
    if (event.status === "processed" || event.status === "ignored") return;
    const firstRun = event.status === "received" && event.processedAt === null;
    // Another run has it (a replay, or a run of this job that died): try again later, take it over once it is stuck.
    if (event.status === "received" && !firstRun && job.now().getTime() - event.processedAt!.getTime() <= STUCK_AFTER_MS) {
      throw new Error("Das Ereignis wird gerade verarbeitet.");
    }
    if (!(await claimEvent(job.db, event, job.now(), !firstRun))) return;
    await processWebhookEvent(
      {
        companyId: event.companyId,
        actor: { type: "retell", id: null },
        db: job.db,
        log: logger.child({ jobId: job.job.id, eventId }),
        now: job.now,
        correlationId: job.job.id,
      },
      eventId,
    );
  },
});
