/** Shapes of Cal.com API v2 answers that the client relies on; unknown fields are dropped. */
import { z } from "zod";

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const errorEnvelopeSchema = z.object({
  status: z.literal("error"),
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

export const successEnvelopeSchema = z.object({ status: z.literal("success"), data: z.unknown() });

export const eventTypeSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string(),
  lengthInMinutes: z.number().int(),
  minimumBookingNotice: z.number().int().optional(),
  beforeEventBuffer: z.number().int().optional(),
  afterEventBuffer: z.number().int().optional(),
  slotInterval: z.number().int().nullish(),
  hidden: z.boolean().optional(),
});
export type CalcomEventType = z.infer<typeof eventTypeSchema>;

/** `GET /v2/slots?format=range`: slots grouped by local date. */
export const slotRangesSchema = z.record(z.string(), z.array(z.object({ start: instant, end: instant })));

export const attendeeSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  phoneNumber: z.string().nullish(),
  timeZone: z.string(),
  language: z.string().nullish(),
});

export const bookingSchema = z.object({
  id: z.number().int(),
  uid: z.string(),
  title: z.string().optional(),
  status: z.enum(["accepted", "pending", "cancelled", "rejected"]),
  start: instant,
  end: instant,
  duration: z.number().int().optional(),
  eventTypeId: z.number().int().nullish(),
  attendees: z.array(attendeeSchema).default([]),
  metadata: z.record(z.string(), z.string()).default({}),
  rescheduledFromUid: z.string().nullish(),
  rescheduledToUid: z.string().nullish(),
  cancellationReason: z.string().nullish(),
});
export type CalcomBooking = z.infer<typeof bookingSchema>;
