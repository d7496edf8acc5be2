import { z } from "zod";
import { paymentState } from "@/server/services/stripe/schemas";

/** YYYY-MM-DD, a day in the branch's time zone. */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum wie 2026-03-01 angeben (Jahr-Monat-Tag).");
/** HH:mm, a wall-clock time in the branch's time zone. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Bitte eine Uhrzeit wie 09:30 angeben (Stunden:Minuten).");

/** The service by id or by its exact name (case-insensitive); one of both is required. */
const serviceRef = {
  service_id: z.string().min(1).optional(),
  service_name: z.string().trim().min(1).max(200).optional(),
};
const needsService = (p: { service_id?: string; service_name?: string }) => Boolean(p.service_id || p.service_name);
const serviceMessage = { message: "service_id oder service_name ist erforderlich", path: ["service_id"] };

export const appointmentSchema = z.object({
  id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  /** dd.MM.yyyy in the branch's time zone. */
  date: z.string(),
  /** HH:mm in the branch's time zone. */
  time: z.string(),
  weekday: z.string(),
  service: z.string(),
  service_id: z.string(),
  /** "Beliebiger Mitarbeiter" when nobody is assigned. */
  staff: z.string(),
  staff_id: z.string().nullable(),
  branch: z.string(),
  branch_id: z.string(),
  customer_id: z.string(),
  customer_name: z.string().nullable(),
  customer_phone: z.string(),
  status: z.enum(["scheduled", "cancelled", "completed", "no_show"]),
  source: z.enum(["phone", "dashboard", "api", "calcom"]),
  /** Whether it may still be moved: more than the company's cut-off (24 h) ahead. */
  can_modify: z.boolean(),
  notes: z.string().nullable(),
  external_uid: z.string().nullable(),
  rescheduled_at: z.string().nullable(),
  rescheduled_by: z.string().nullable(),
  reschedule_reason: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  cancelled_by: z.string().nullable(),
  cancellation_reason: z.string().nullable(),
  /** Who booked it: a user's name, "Telefon", "API", "Cal.com" (null for older rows). */
  created_by: z.string().nullable(),
  /** Last change to completed / no_show or back, and by whom. */
  status_changed_at: z.string().nullable(),
  status_changed_by: z.string().nullable(),
  /** appointments.list only: the state of the latest deposit (Stripe), null without one. */
  deposit_state: paymentState.nullable().optional(),
});
export type AppointmentDto = z.input<typeof appointmentSchema>;

export const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** dd.MM.yyyy and HH:mm in the branch's time zone. */
  date: z.string(),
  time: z.string(),
  staff_ids: z.array(z.string()),
});
export type SlotDto = z.input<typeof slotSchema>;

/** The reason codes of an answer without a free time (see services/appointments/no-slot.ts). */
export const noSlotReason = z.enum(["taken", "closed", "no_staff_for_service", "outside_booking_window", "staff_absent", "fully_booked"]);
export type NoSlotReasonCode = z.infer<typeof noSlotReason>;

// appointments.checkAvailability
export const checkAvailabilityParams = z
  .object({
    branch_id: z.string().min(1).optional(),
    ...serviceRef,
    date: localDate,
    /** With a time: is exactly this start free? Without: which starts are free that day? */
    time: localTime.optional(),
    staff_id: z.string().min(1).optional(),
  })
  .refine(needsService, serviceMessage);
export const checkAvailabilityResult = z.object({
  available: z.boolean(),
  /**
   * Why nothing (or not the wished time) is free: taken (that time is booked, others that day
   * are free), closed (weekly hours, holiday, special day), no_staff_for_service,
   * outside_booking_window (too soon or too far ahead), staff_absent, fully_booked.
   */
  reason: noSlotReason.nullable(),
  date: z.string(),
  time: z.string().nullable(),
  /** Free starts that day (without time), or the nearest free starts around the requested time. */
  slots: z.array(slotSchema),
  message: z.string(),
});

// appointments.findNextSlot
export const findNextSlotParams = z
  .object({
    branch_id: z.string().min(1).optional(),
    ...serviceRef,
    staff_id: z.string().min(1).optional(),
    /** First day to consider; default today. */
    from_date: localDate.optional(),
  })
  .refine(needsService, serviceMessage);
export const findNextSlotResult = z.object({
  found: z.boolean(),
  /** Why none was found: no_staff_for_service, outside_booking_window or fully_booked. */
  reason: noSlotReason.nullable(),
  slot: slotSchema.nullable(),
  message: z.string(),
});

// appointments.find
export const findParams = z.object({ phone: z.string().trim().min(3).max(40) });
export const findResult = z.object({
  found: z.boolean(),
  count: z.number().int(),
  appointments: z.array(appointmentSchema),
  message: z.string(),
});

// appointments.book
/**
 * Whether two spellings name the same person ("maria  müller" = "Maria Müller"): the booking's
 * customer_name_policy "ask" and the dashboard's name choice compare alike.
 */
export function sameName(a: string, b: string): boolean {
  const norm = (v: string) => v.trim().replace(/\s+/g, " ").toLocaleLowerCase("de-DE");
  return norm(a) === norm(b);
}

export const bookParams = z
  .object({
    branch_id: z.string().min(1).optional(),
    ...serviceRef,
    date: localDate,
    time: localTime,
    staff_id: z.string().min(1).optional(),
    customer_name: z.string().trim().min(1).max(200),
    customer_phone: z.string().trim().min(3).max(40),
    customer_email: z.email().optional(),
    notes: z.string().trim().max(2000).optional(),
    /** A retried booking with the same key returns the first result instead of booking again. */
    idempotency_key: z.string().trim().min(8).max(200).optional(),
    /** Default from the caller: phone for Retell, dashboard for users, api for tokens. */
    source: z.enum(["phone", "dashboard", "api"]).optional(),
    retell_call_id: z.string().max(200).optional(),
    /**
     * When the phone number belongs to a customer stored under another name: keep_stored (default,
     * the phone path), use_typed (the typed name replaces it), ask (refused with a conflict naming
     * both, so staff can choose).
     */
    customer_name_policy: z.enum(["keep_stored", "use_typed", "ask"]).optional(),
  })
  .refine(needsService, serviceMessage);
export const bookResult = z.object({
  success: z.literal(true),
  /** True when the idempotency key named an earlier booking, which is returned unchanged. */
  already_booked: z.boolean(),
  appointment: appointmentSchema,
  message: z.string(),
  /** The deposit whose payment link follows by SMS, in cents; null: none; absent on an earlier booking answered again. */
  deposit_cents: z.number().int().nullable().optional(),
});

// appointments.change
export const changeParams = z.object({
  appointment_id: z.string().min(1),
  new_date: localDate,
  new_time: localTime,
  /** Another staff member; default: the same one as before (any free one when none was assigned). */
  staff_id: z.string().min(1).optional(),
  reason: z.string().trim().max(500).optional(),
});
export const changeResult = z.object({ success: z.literal(true), appointment: appointmentSchema, message: z.string() });

// appointments.cancel
export const cancelParams = z.object({
  appointment_id: z.string().min(1),
  reason: z.string().trim().max(500).optional(),
});
export const cancelResult = z.object({
  success: z.literal(true),
  appointment: appointmentSchema,
  message: z.string(),
  /** The company's refund/cancellation policy, to be read to the caller; null when it has none. */
  refund_policy: z.string().nullable(),
});

// appointments.setStatus
export const setStatusParams = z.object({
  appointment_id: z.string().min(1),
  /** completed ("Erledigt") and no_show ("Nicht erschienen") once it began; scheduled undoes either. */
  status: z.enum(["scheduled", "completed", "no_show"]),
});
export const setStatusResult = z.object({
  success: z.literal(true),
  /** False when it already had this status. */
  changed: z.boolean(),
  appointment: appointmentSchema,
  message: z.string(),
});

// appointments.update
export const updateParams = z.object({
  appointment_id: z.string().min(1),
  service_id: z.string().min(1).optional(),
  staff_id: z.string().min(1).optional(),
  /** null or "" clears the notes. */
  notes: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .transform((v) => v || null)
    .optional(),
  customer_name: z.string().trim().min(1, "Bitte einen Namen angeben.").max(200).optional(),
  /** Another number moves the appointment to that number's customer (created when new). */
  customer_phone: z.string().trim().min(3, "Bitte eine Telefonnummer angeben.").max(40).optional(),
});
export const updateResult = z.object({ success: z.literal(true), appointment: appointmentSchema, message: z.string() });

// appointments.list / appointments.get
export const listParams = z.object({
  /** Inclusive local days (company time zone). */
  date_from: localDate.optional(),
  date_to: localDate.optional(),
  branch_id: z.string().min(1).optional(),
  staff_id: z.string().min(1).optional(),
  status: z.enum(["scheduled", "cancelled", "completed", "no_show"]).optional(),
  /** Part of the customer's name or phone number. */
  search: z.string().trim().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export const listResult = z.object({ appointments: z.array(appointmentSchema), total: z.number().int() });

export const getParams = z.object({ appointment_id: z.string().min(1) });
/** The phone call that produced the appointment (linked by the webhook or by the booking's Retell call id). */
export const appointmentCallSchema = z.object({
  id: z.string(),
  retell_call_id: z.string(),
  started_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
  from_number: z.string().nullable(),
  outcome: z.string().nullable(),
  summary: z.string().nullable(),
});
export const getResult = z.object({ appointment: appointmentSchema, call: appointmentCallSchema.nullable() });

// appointments.calendar (the Kalender: one branch, one or seven days)
/** An interval of one local day: HH:mm in the branch's zone ("24:00" is the day's end) and the ISO instants. */
const wallInterval = z.object({ start: z.string(), end: z.string(), starts_at: z.string(), ends_at: z.string() });
export const calendarParams = z.object({
  /** Default: the company's first branch. */
  branch_id: z.string().min(1).optional(),
  /** First day (YYYY-MM-DD, branch zone). */
  date: localDate,
  days: z.union([z.literal(1), z.literal(7)]).default(1),
});
export const calendarResult = z.object({
  branch: z.object({ id: z.string(), name: z.string(), time_zone: z.string() }),
  /** Whole hours the grid must show (earliest opening to latest closing, and every appointment). */
  hours: z.object({ start: z.string(), end: z.string() }),
  days: z.array(
    z.object({
      date: z.string(),
      closed: z.boolean(),
      closed_reason: z.string().nullable(),
      holiday: z.string().nullable(),
      special_day: z.object({ closed: z.boolean(), reason: z.string().nullable() }).nullable(),
      opening: z.array(wallInterval),
      breaks: z.array(wallInterval),
    }),
  ),
  /** Active staff of the branch with, per day, their bookable time (working ∩ opening − breaks) and absences. */
  staff: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      service_ids: z.array(z.string()),
      days: z.array(
        z.object({
          date: z.string(),
          working: z.array(wallInterval),
          absences: z.array(wallInterval.extend({ reason: z.string().nullable() })),
        }),
      ),
    }),
  ),
  /** Appointments of the range that are not cancelled, in time order. */
  appointments: z.array(
    z.object({
      id: z.string(),
      starts_at: z.string(),
      ends_at: z.string(),
      /** YYYY-MM-DD and HH:mm in the branch's zone. */
      date: z.string(),
      start_time: z.string(),
      end_time: z.string(),
      status: z.enum(["scheduled", "cancelled", "completed", "no_show"]),
      service: z.string(),
      customer_name: z.string().nullable(),
      staff_id: z.string().nullable(),
      source: z.enum(["phone", "dashboard", "api", "calcom"]),
    }),
  ),
});
