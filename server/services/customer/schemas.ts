import { z } from "zod";
import { optionalEmail, optionalText } from "@/server/services/company/master-data-fields";

export const customerSchema = z.object({
  id: z.string(),
  /** E.164 */
  phone: z.string(),
  /** As people read it: "0171 1234567" (German numbers nationally, others with +country). */
  phone_display: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  cancellation_count: z.number().int(),
  no_show_count: z.number().int(),
  /** "keine SMS" / "keine E-Mails". */
  sms_opt_out: z.boolean(),
  email_opt_out: z.boolean(),
  /** Set when the customer's data was erased on request (GDPR); name and contact data are gone. */
  erased_at: z.string().nullable(),
  created_at: z.string(),
});
export type CustomerDto = z.input<typeof customerSchema>;

export const upcomingAppointmentSchema = z.object({
  id: z.string(),
  starts_at: z.string(),
  /** dd.MM.yyyy in the branch's time zone. */
  date: z.string(),
  /** HH:mm in the branch's time zone. */
  time: z.string(),
  service: z.string(),
  branch: z.string(),
  staff: z.string().nullable(),
});

export const findByPhoneParams = z.object({ phone: z.string().trim().min(3).max(40) });
export const findByPhoneResult = z.object({ customer: customerSchema.nullable() });

/** customer.lookup: what the booking dialog shows while a number is typed. */
export const lookupParams = z.object({ phone: z.string().trim().max(40) });
export const visitSchema = z.object({
  id: z.string(),
  /** dd.MM.yyyy in the branch's time zone. */
  date: z.string(),
  service: z.string(),
  status: z.enum(["scheduled", "completed", "no_show"]),
});
export const lookupResult = z.object({
  /** False while the text is no phone number yet (half typed): nothing was looked up. */
  valid_number: z.boolean(),
  customer: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      phone: z.string(),
      no_show_count: z.number().int(),
      cancellation_count: z.number().int(),
      /** The last visits before now, newest first (cancelled ones left out). */
      last_visits: z.array(visitSchema),
    })
    .nullable(),
});

export const getParams = z.object({ customer_id: z.string().min(1) });

/** One appointment of the customer, in the branch's time zone. */
export const customerVisitSchema = z.object({
  id: z.string(),
  starts_at: z.string(),
  /** dd.MM.yyyy */
  date: z.string(),
  /** HH:mm */
  time: z.string(),
  service: z.string(),
  staff: z.string().nullable(),
  branch: z.string(),
  status: z.enum(["scheduled", "cancelled", "completed", "no_show"]),
});

/** One call the customer made or received (newest first). */
export const customerCallSchema = z.object({
  id: z.string(),
  /** Start of the call, or when it was recorded. */
  at: z.string(),
  /** dd.MM.yyyy and HH:mm in the call's branch's time zone (Europe/Berlin without one). */
  date: z.string(),
  time: z.string(),
  summary: z.string().nullable(),
  /** booked, changed, cancelled, info, follow_up, none */
  outcome: z.string().nullable(),
  duration_seconds: z.number().int().nullable(),
});

export const getResult = customerSchema.extend({
  /** Scheduled appointments from now on (the first ten), kept for the gateway's callers. */
  upcoming_appointments: z.array(upcomingAppointmentSchema),
  /** Appointments from now on, any status, soonest first. */
  upcoming_visits: z.array(customerVisitSchema),
  /** Appointments before now, any status, newest first (at most 100). */
  past_visits: z.array(customerVisitSchema),
  /** Calls linked to the customer, newest first (at most 50). */
  calls: z.array(customerCallSchema),
});

export const LIST_SORTS = ["name", "last_visit"] as const;

export const listParams = z.object({
  /** Part of the name, or the phone number (or part of it) in any spelling: 0171 1234567, +49 171…, 0049171…, 1234567. */
  query: z.string().trim().max(100).optional(),
  /** name: A-Z; last_visit: most recent visit first, never seen ones last. */
  sort: z.enum(LIST_SORTS).default("name"),
  /** Erased customers (GDPR) are left out unless asked for. */
  include_erased: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).default(0),
});
export const customerListItemSchema = customerSchema.extend({
  /** Last visit before now (not cancelled, not a no-show): dd.MM.yyyy, null when none. */
  last_visit: z.string().nullable(),
  /** Next scheduled appointment: dd.MM.yyyy, null when none. */
  next_visit: z.string().nullable(),
});
export const listResult = z.object({ customers: z.array(customerListItemSchema), total: z.number().int() });

const PHONE_EXAMPLE = "Bitte eine gültige Telefonnummer angeben, z. B. 0171 1234567.";

/** customer.update: only the fields sent change; "" clears name, e-mail and notes. */
export const updateParams = z.object({
  customer_id: z.string().min(1, "Bitte einen Kunden angeben."),
  name: optionalText(100).optional(),
  email: optionalEmail.optional(),
  /** Any spelling; stored as +49…. Must not belong to another customer. */
  phone: z.string().trim().min(1, PHONE_EXAMPLE).max(40, "Höchstens 40 Zeichen.").optional(),
  notes: optionalText(2000).optional(),
  sms_opt_out: z.boolean().optional(),
  email_opt_out: z.boolean().optional(),
});
export const updateResult = customerSchema;
export const UPDATE_MESSAGES = {
  invalidPhone: PHONE_EXAMPLE,
  erased: "Die Daten dieses Kunden wurden gelöscht; er kann nicht mehr bearbeitet werden.",
  phoneTaken: (name: string | null) =>
    `Diese Nummer gehört schon ${name ? `zu ${name}` : "zu einem anderen Kunden"}. Ist es dieselbe Person, führen Sie die beiden Kunden zusammen.`,
} as const;

/** customer.merge / customer.mergePreview: `duplicate_id` is moved into `customer_id` and then deleted. */
export const mergeParams = z.object({
  customer_id: z.string().min(1, "Bitte den Kunden angeben, der bleibt."),
  duplicate_id: z.string().min(1, "Bitte das Duplikat wählen."),
});
/** What moves from the duplicate to the customer who stays. */
export const mergeMovesSchema = z.object({
  appointments: z.number().int(),
  calls: z.number().int(),
  tasks: z.number().int(),
  payments: z.number().int(),
  messages: z.number().int(),
});
export const mergePreviewResult = z.object({
  customer: customerSchema,
  duplicate: customerSchema,
  moves: mergeMovesSchema,
});
export const mergeResult = customerSchema.extend({ moved: mergeMovesSchema, removed_id: z.string() });
export const MERGE_MESSAGES = {
  same: "Ein Kunde kann nicht mit sich selbst zusammengeführt werden.",
  notFound: "Der Kunde wurde nicht gefunden.",
  duplicateNotFound: "Das Duplikat wurde nicht gefunden.",
  erased: "Gelöschte Kunden können nicht zusammengeführt werden.",
} as const;

/** "keine SMS" / "keine E-Mails": every message to the customer on that channel is not sent from now on. */
export const setMessagePreferencesParams = z.object({
  customer_id: z.string().min(1),
  sms_opt_out: z.boolean(),
  email_opt_out: z.boolean(),
});
export const setMessagePreferencesResult = z.object({
  customer_id: z.string(),
  sms_opt_out: z.boolean(),
  email_opt_out: z.boolean(),
});
