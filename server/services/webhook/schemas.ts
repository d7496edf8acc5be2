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

export const listCallsParams = z.object({
  outcome: z.enum(["booked", "changed", "cancelled", "info", "follow_up", "none"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export const callSchema = z.object({
  id: z.string(),
  retell_call_id: z.string(),
  direction: z.string().nullable(),
  from_number: z.string().nullable(),
  to_number: z.string().nullable(),
  branch: z.string().nullable(),
  status: z.string().nullable(),
  started_at: z.string().nullable(),
  /** When the call was first recorded: shown while its start is not reported. */
  created_at: z.string(),
  ended_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
  summary: z.string().nullable(),
  sentiment: z.string().nullable(),
  successful: z.boolean().nullable(),
  /** booked, changed, cancelled, follow_up, … */
  outcome: z.string().nullable(),
  customer: z.object({ id: z.string(), name: z.string().nullable(), phone: z.string() }).nullable(),
  appointment: z.object({ id: z.string(), starts_at: z.string(), status: z.string(), service: z.string() }).nullable(),
  recording_url: z.string().nullable(),
  transcript: z.string().nullable().optional(),
  /** Speaker turns of the transcript in order (Retell's transcript_object without word timings); null when not reported. */
  transcript_turns: z.array(z.object({ role: z.enum(["agent", "user"]), content: z.string() })).nullable().optional(),
  collected_data: z.unknown().optional(),
});
export const listCallsResult = z.object({ calls: z.array(callSchema), total: z.number() });
export const getCallParams = z.object({ call_id: z.string().min(1) });
export const getCallResult = z.object({ call: callSchema });

export const listTasksParams = z.object({
  status: z.enum(["open", "done"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["open", "done"]),
  details: z.unknown(),
  call_id: z.string().nullable(),
  customer_id: z.string().nullable(),
  created_at: z.string(),
});
export const listTasksResult = z.object({ tasks: z.array(taskSchema), total: z.number() });
export const setTaskStatusParams = z.object({ task_id: z.string().min(1), status: z.enum(["open", "done"]) });
export const setTaskStatusResult = z.object({ id: z.string(), status: z.enum(["open", "done"]) });
