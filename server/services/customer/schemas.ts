import { z } from "zod";

export const customerSchema = z.object({
  id: z.string(),
  /** E.164 */
  phone: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  cancellation_count: z.number().int(),
  no_show_count: z.number().int(),
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
export const getResult = customerSchema.extend({ upcoming_appointments: z.array(upcomingAppointmentSchema) });

export const listParams = z.object({
  /** Part of the name or phone number. */
  query: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).default(0),
});
export const listResult = z.object({ customers: z.array(customerSchema), total: z.number().int() });

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
