import { z } from "zod";

export const EVENT_STATUSES = ["received", "processed", "ignored", "failed"] as const;
export const EVENT_PROVIDERS = ["retell", "calcom", "stripe"] as const;
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Datum im Format JJJJ-MM-TT erwartet");

/** Newest first; received_from/received_to are days in Berlin (both included). */
export const listEventsParams = z.object({
  provider: z.enum(EVENT_PROVIDERS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  event: z.string().trim().max(64).optional(),
  received_from: localDay.optional(),
  received_to: localDay.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** The `next_cursor` of the previous page; absent for the first. */
  cursor: z.string().max(200).nullish(),
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
  /** Processing runs so far: the first plus every retry or "erneut verarbeiten". */
  attempts: z.number().int(),
  /** Whether "erneut verarbeiten" would run it now: failed, or received and stuck. */
  replayable: z.boolean(),
});
export const listEventsResult = z.object({
  events: z.array(webhookEventSchema),
  /** Events on this page. */
  total: z.number(),
  /** Pass as `cursor` for the next page; null on the last. */
  next_cursor: z.string().nullable(),
});

export const getEventParams = z.object({ event_id: z.string().min(1) });
export const getEventResult = z.object({
  /** The payload as received, with keys and values that look like secrets replaced by "[verborgen]". */
  event: webhookEventSchema.extend({ payload: z.unknown() }),
});

export const replayEventParams = z.object({ event_id: z.string().min(1) });
export const replayEventResult = z.object({
  event: webhookEventSchema,
  /** false: nothing was run (already processed, or being processed right now). */
  replayed: z.boolean(),
  /** What happened, in German, for the dashboard's toast. */
  message: z.string(),
});

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

export const taskStatus = z.enum(["open", "not_reached", "done"]);
export const listTasksParams = z.object({
  /** One status or several (the to-do list asks for open and not_reached together). */
  status: z.union([taskStatus, z.array(taskStatus).min(1).max(3)]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
/** What the agent gathered in the call, for a booking from the callback: every field may be missing. */
export const taskCollectedSchema = z.object({
  /** The branch the call came in for. */
  branch_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  /** E.164 when the agent understood it, else as said. */
  customer_phone: z.string().nullable(),
  service_id: z.string().nullable(),
  service: z.string().nullable(),
  /** YYYY-MM-DD when understood. */
  date: z.string().nullable(),
  /** As the caller said it ("Freitag", "15.12."), when no exact day was understood. */
  date_spoken: z.string().nullable(),
  time: z.string().nullable(),
  notes: z.string().nullable(),
});
export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: taskStatus,
  details: z.unknown(),
  /** Retell's call id. */
  call_id: z.string().nullable(),
  /** The call's own id (for /anrufe/<id>). */
  call_record_id: z.string().nullable(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  caller_number: z.string().nullable(),
  summary: z.string().nullable(),
  /** When the call came in (the task's creation when the call has no start time). */
  received_at: z.string(),
  collected: taskCollectedSchema,
  appointment_id: z.string().nullable(),
  status_changed_at: z.string().nullable(),
  status_changed_by: z.string().nullable(),
  created_at: z.string(),
});
export type TaskDto = z.infer<typeof taskSchema>;
export const listTasksResult = z.object({ tasks: z.array(taskSchema), total: z.number() });
export const setTaskStatusParams = z
  .object({
    task_id: z.string().min(1),
    status: taskStatus,
    /** The appointment booked from this callback; only with status done. */
    appointment_id: z.string().min(1).optional(),
  })
  .refine((p) => !p.appointment_id || p.status === "done", {
    path: ["status"],
    message: "Eine Aufgabe mit gebuchtem Termin ist erledigt.",
  });
export const setTaskStatusResult = z.object({
  id: z.string(),
  status: taskStatus,
  appointment_id: z.string().nullable(),
  status_changed_at: z.string(),
  status_changed_by: z.string(),
});
