import { z } from "zod";
import { logger } from "@/server/platform/logger";
import { defineJobKind, PermanentJobError } from "@/server/platform/outbox/job-kind";
import { processWebhookEvent } from "./orchestrator";

export const RETELL_WEBHOOK_JOB = "retell.webhook";

/** Processes one stored Retell call event after the webhook was acknowledged. */
export const retellWebhookJob = defineJobKind({
  payload: z.object({ eventId: z.string().min(1) }),
  async run({ eventId }, job) {
    const event = await job.db.webhookEvent.findUnique({ where: { id: eventId }, select: { companyId: true } });
    if (!event?.companyId) throw new PermanentJobError(`Ereignis ${eventId} nicht gefunden`);
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
