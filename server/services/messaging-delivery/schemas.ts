import { z } from "zod";

export const messageStates = ["queued", "sent", "delivered", "failed", "suppressed"] as const;
export const messageState = z.enum(messageStates);
export const messageKind = z.enum(["confirmation", "change", "cancellation", "reminder", "test", "payment"]);
export const messageChannel = z.enum(["email", "sms"]);

/** Every message kind in the dashboard's words (message list, queue, template editor). */
export const MESSAGE_KIND_LABELS: Record<z.infer<typeof messageKind>, string> = {
  confirmation: "Bestätigung",
  change: "Änderung",
  cancellation: "Absage",
  reminder: "Erinnerung",
  test: "Test-SMS",
  payment: "Zahlungslink",
};

/** One message to a customer and what became of it; never the provider's credentials. */
export const messageSchema = z.object({
  id: z.string(),
  appointment_id: z.string().nullable(),
  channel: messageChannel,
  kind: messageKind,
  /** E-mail address or E.164 number. */
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  state: messageState,
  /** Why it failed or was not sent, in German. */
  error: z.string().nullable(),
  provider: z.string().nullable(),
  segments: z.number().int().nullable(),
  /** Reminders: when they go out. */
  send_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  created_at: z.string(),
});
export type MessageDto = z.input<typeof messageSchema>;

export const listForAppointmentParams = z.object({ appointment_id: z.string().min(1) });
export const listForAppointmentResult = z.object({
  messages: z.array(messageSchema),
  /** The appointment's customer and their opt-outs, for the toggles beside the list. */
  customer: z.object({
    id: z.string(),
    name: z.string().nullable(),
    has_email: z.boolean(),
    sms_opt_out: z.boolean(),
    email_opt_out: z.boolean(),
  }),
});

export const listParams = z.object({
  state: messageState.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export const listResult = z.object({ messages: z.array(messageSchema), total: z.number().int() });

/** HH:mm in the company's time zone. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Bitte eine Uhrzeit im Format HH:mm angeben, z. B. 21:00.");

/** Reminders go out at most two weeks before the appointment, at the earliest five minutes before. */
export const REMINDER_OFFSET_MIN = 5;
export const REMINDER_OFFSET_MAX = 14 * 24 * 60;

export const reminderSettingsSchema = z.object({
  /** Minutes before the appointment, e.g. [1440, 120]; empty: no reminders. */
  reminder_offsets: z
    .array(
      z
        .number({ error: "Bitte eine Zahl von Minuten angeben." })
        .int("Bitte ganze Minuten angeben.")
        .min(REMINDER_OFFSET_MIN, `Erinnerungen frühestens ${REMINDER_OFFSET_MIN} Minuten vor dem Termin.`)
        .max(REMINDER_OFFSET_MAX, "Erinnerungen höchstens 14 Tage vor dem Termin."),
    )
    .max(5, "Höchstens fünf Erinnerungen je Termin.")
    .refine((offsets) => new Set(offsets).size === offsets.length, "Jeder Zeitpunkt nur einmal."),
  email_reminders: z.boolean(),
  /** Off by default: SMS cost money. */
  sms_reminders: z.boolean(),
  /** No SMS from quiet_from to quiet_until; equal times: no quiet hours. */
  quiet_from: clockTime,
  quiet_until: clockTime,
});
export type ReminderSettingsDto = z.input<typeof reminderSettingsSchema>;

export const getReminderSettingsParams = z.object({});
export const getReminderSettingsResult = reminderSettingsSchema;
export const updateReminderSettingsParams = reminderSettingsSchema;
export const updateReminderSettingsResult = reminderSettingsSchema;
