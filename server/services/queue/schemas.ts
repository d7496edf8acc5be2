import { z } from "zod";

const jobState = z.enum(["pending", "processing", "done", "failed", "cancelled"]);

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: jobState,
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  run_at: z.string(),
  last_error: z.string().nullable(),
  /** What the job is about, e.g. the recipient of a confirmation; never the whole payload. */
  summary: z.string().nullable(),
  /**
   * A job that sends a customer message: what became of the message. A job can be done while its
   * message was not sent (opt-out, no SMS provider) or failed; the message's state says so.
   */
  message: z
    .object({
      state: z.enum(["queued", "sent", "delivered", "failed", "suppressed"]),
      error: z.string().nullable(),
    })
    .nullable()
    .default(null),
  created_at: z.string(),
  completed_at: z.string().nullable(),
});
export type JobDto = z.input<typeof jobSchema>;

export const statsParams = z.object({});
export const statsResult = z.object({
  pending: z.number().int(),
  processing: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  /** Age of the oldest due job that is still waiting; null when none waits. */
  oldest_pending_seconds: z.number().nullable(),
});

export const listParams = z.object({
  state: jobState.optional(),
  kind: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export const listResult = z.object({ jobs: z.array(jobSchema), total: z.number().int() });

export const retryParams = z.object({ job_id: z.string().min(1) });
export const retryResult = z.object({ job: jobSchema });

export const cancelParams = z.object({ job_id: z.string().min(1) });
export const cancelResult = z.object({ job: jobSchema });
