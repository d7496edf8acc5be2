import { z } from "zod";
import { appointmentSchema, localDate } from "@/server/services/appointments/schemas";

/** A Cal.com event type id, or for the built-in calendar the id of a service. */
const eventTypeId = z.union([z.number().int().positive(), z.string().min(1)]);
const instant = z.iso.datetime({ offset: true });

/** What to book or check: an event type, or the local service by id or exact name. */
const eventTypeRef = {
  event_type_id: eventTypeId.optional(),
  service_id: z.string().min(1).optional(),
  service_name: z.string().trim().min(1).max(200).optional(),
  branch_id: z.string().min(1).optional(),
};
const needsEventType = (p: { event_type_id?: unknown; service_id?: string; service_name?: string }) =>
  p.event_type_id !== undefined || Boolean(p.service_id || p.service_name);
const eventTypeMessage = { message: "event_type_id, service_id oder service_name ist erforderlich", path: ["event_type_id"] };

/** The booking by its calendar uid, or by the local appointment id. */
const bookingRef = {
  booking_uid: z.string().min(1).optional(),
  appointment_id: z.string().min(1).optional(),
};
const needsBooking = (p: { booking_uid?: string; appointment_id?: string }) => Boolean(p.booking_uid || p.appointment_id);
const bookingMessage = { message: "booking_uid oder appointment_id ist erforderlich", path: ["booking_uid"] };

export const providerKind = z.enum(["local", "calcom"]);

export const getEventTypesParams = z.object({});
export const getEventTypesResult = z.object({
  provider: providerKind,
  event_types: z.array(
    z.object({ id: eventTypeId, title: z.string(), length_in_minutes: z.number().int(), service_id: z.string().nullable() }),
  ),
});

export const checkAvailabilityParams = z
  .object({
    ...eventTypeRef,
    date_from: localDate,
    date_to: localDate,
    /** IANA zone the days are read in; default the branch's. */
    timezone: z.string().min(1).max(64).optional(),
    staff_id: z.string().min(1).optional(),
  })
  .refine(needsEventType, eventTypeMessage);
export const checkAvailabilityResult = z.object({
  provider: providerKind,
  timezone: z.string(),
  available_slots: z.array(z.object({ start: z.string(), end: z.string(), staff_ids: z.array(z.string()) })),
});

const bookingSchema = z.object({
  uid: z.string().nullable(),
  appointment_id: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
});

export const createBookingParams = z
  .object({
    ...eventTypeRef,
    start: instant,
    staff_id: z.string().min(1).optional(),
    attendee: z.object({
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().min(3).max(40),
      email: z.email().optional(),
    }),
    notes: z.string().trim().max(2000).optional(),
    idempotency_key: z.string().trim().min(8).max(200).optional(),
  })
  .refine(needsEventType, eventTypeMessage);
export const createBookingResult = z.object({
  booking: bookingSchema,
  already_booked: z.boolean(),
  appointment: appointmentSchema,
  message: z.string(),
});

export const updateBookingParams = z
  .object({ ...bookingRef, start: instant, reschedule_reason: z.string().trim().max(500).optional() })
  .refine(needsBooking, bookingMessage);
export const updateBookingResult = z.object({ booking: bookingSchema, appointment: appointmentSchema, message: z.string() });

export const cancelBookingParams = z
  .object({ ...bookingRef, cancellation_reason: z.string().trim().max(500).optional() })
  .refine(needsBooking, bookingMessage);
export const cancelBookingResult = z.object({
  booking: bookingSchema,
  appointment: appointmentSchema,
  message: z.string(),
  refund_policy: z.string().nullable(),
});

export const testConnectionParams = z.object({});
export const testConnectionResult = z.object({
  provider: providerKind,
  ok: z.boolean(),
  message: z.string(),
  event_type_count: z.number().int(),
});

export const connectionSchema = z.object({
  provider: providerKind,
  base_url: z.string().nullable(),
  /** Never the key itself: its first and last characters. */
  api_key: z.string().nullable(),
  webhook_secret_set: z.boolean(),
  /** Enter this as the subscriber URL of the Cal.com webhook. */
  webhook_url: z.string(),
  last_tested_at: z.string().nullable(),
  last_test_status: z.enum(["success", "failed", "pending"]).nullable(),
});

export const getConnectionParams = z.object({});
export const getConnectionResult = z.object({ connection: connectionSchema });

export const updateConnectionParams = z.object({
  provider: providerKind,
  base_url: z.url().max(2000).nullable().optional(),
  /** Stored encrypted; omit to keep the current key. */
  api_key: z.string().trim().min(8).max(500).optional(),
  /** Stored encrypted; omit to keep the current secret. */
  webhook_secret: z.string().trim().min(16).max(500).optional(),
});
export const updateConnectionResult = getConnectionResult;
