import { z } from "zod";

const customerIdParam = z.string().min(1);
const json = z.unknown();
const instant = z.string().nullable();

export const exportParams = z.object({ customer_id: customerIdParam });

/** Everything stored about one customer (Art. 15 DSGVO): times as ISO instants, amounts in cents. */
export const exportResult = z.object({
  exported_at: z.string(),
  company: z.object({ name: z.string(), time_zone: z.string() }),
  customer: z.object({
    id: z.string(),
    name: z.string().nullable(),
    /** E.164; null once erased. */
    phone: z.string().nullable(),
    email: z.string().nullable(),
    notes: z.string().nullable(),
    sms_opt_out: z.boolean(),
    email_opt_out: z.boolean(),
    card_consent_at: instant,
    cancellation_count: z.number().int(),
    no_show_count: z.number().int(),
    created_at: z.string(),
    erased_at: instant,
  }),
  appointments: z.array(
    z.object({
      id: z.string(),
      starts_at: z.string(),
      ends_at: z.string(),
      status: z.string(),
      source: z.string(),
      service: z.string(),
      branch: z.string(),
      staff: z.string().nullable(),
      notes: z.string().nullable(),
      created_by: z.string().nullable(),
      cancelled_at: instant,
      cancellation_reason: z.string().nullable(),
      rescheduled_at: instant,
      created_at: z.string(),
    }),
  ),
  calls: z.array(
    z.object({
      id: z.string(),
      retell_call_id: z.string(),
      direction: z.string().nullable(),
      from_number: z.string().nullable(),
      to_number: z.string().nullable(),
      started_at: instant,
      ended_at: instant,
      duration_ms: z.number().int().nullable(),
      outcome: z.string().nullable(),
      summary: z.string().nullable(),
      transcript: z.string().nullable(),
      transcript_object: json,
      recording_url: z.string().nullable(),
      collected_data: json,
      analysis: json,
      content_removed_at: instant,
    }),
  ),
  tasks: z.array(
    z.object({ id: z.string(), title: z.string(), status: z.string(), details: json, created_at: z.string(), status_changed_at: instant }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      kind: z.string(),
      to: z.string(),
      subject: z.string().nullable(),
      body: z.string(),
      state: z.string(),
      sent_at: instant,
      created_at: z.string(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      appointment_id: z.string(),
      kind: z.string(),
      state: z.string(),
      amount_cents: z.number().int(),
      refunded_cents: z.number().int(),
      currency: z.string(),
      stripe_payment_intent_id: z.string().nullable(),
      paid_at: instant,
      created_at: z.string(),
    }),
  ),
  /** Protokoll rows about the customer, their appointments, calls and tasks. */
  audit: z.array(
    z.object({
      created_at: z.string(),
      method: z.string(),
      /** The method in German ("Termin verschoben"). */
      action: z.string(),
      outcome: z.string(),
      actor_name: z.string().nullable(),
      entity_type: z.string().nullable(),
      entity_id: z.string().nullable(),
    }),
  ),
});
export type CustomerExport = z.output<typeof exportResult>;

/** The word to type when the customer has no name. */
export const ERASE_CONFIRM_WORD = "LÖSCHEN";

export const eraseParams = z.object({
  customer_id: customerIdParam,
  /** The customer's name as shown (or LÖSCHEN when there is none): guards against erasing the wrong one. */
  confirm_name: z.string().trim().min(1, "Bitte geben Sie zur Bestätigung den Namen ein."),
});
export const eraseResult = z.object({
  id: z.string(),
  erased_at: z.string(),
  appointments_kept: z.number().int(),
  calls_cleared: z.number().int(),
  messages_cleared: z.number().int(),
  tasks_cleared: z.number().int(),
  reminders_cancelled: z.number().int(),
});

export const retentionParams = z.object({});
export const retentionResult = z.object({
  /** null: the company keeps transcripts (no retention period set). */
  retention_months: z.number().int().nullable(),
  cutoff: z.string().nullable(),
  calls_cleared: z.number().int(),
});
