import { z } from "zod";

export const listEventsParams = z.object({
  status: z.enum(["received", "processed", "ignored", "failed"]).optional(),
  event: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const webhookEventSchema = z.object({
  id: z.string(),
  provider: z.string(),
  event: z.string(),
  call_id: z.string().nullable(),
  status: z.string(),
  error: z.string().nullable(),
  received_at: z.string(),
  processed_at: z.string().nullable(),
});
export const listEventsResult = z.object({ events: z.array(webhookEventSchema), total: z.number() });

export const processEventParams = z.object({ event_id: z.string().min(1) });
export const processEventResult = z.object({
  event_id: z.string(),
  event: z.string(),
  status: z.enum(["processed", "ignored"]),
  call_id: z.string().nullable(),
  settlement: z.enum(["none", "already_handled", "task", "booked"]).nullable(),
});
