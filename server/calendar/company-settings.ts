import { z } from "zod";

/**
 * Company.settings (a JSON column): the one definition every server reads. Unknown keys are
 * dropped and missing ones take the defaults, so an old or empty row still parses.
 */
const fields = {
  /** Distance between offered start times in minutes. */
  slotIntervalMinutes: z.number().int().min(5).max(240),
  /** A booking must start at least this many minutes from now. */
  minimumNoticeMinutes: z.number().int().min(0).max(7 * 24 * 60),
  /** How many days ahead customers may book. */
  bookingWindowDays: z.number().int().min(1).max(365),
  /** Appointments can be moved or cancelled by phone until this many hours before the start. */
  modificationCutoffHours: z.number().int().min(0).max(14 * 24),
  /** Read to callers who cancel; empty when the business has none. */
  refundPolicy: z.string().trim().max(1000),
  contactEmail: z.email().nullable(),
  contactPhone: z.string().trim().max(40).nullable(),
  /** Send booking, change and cancel confirmations by e-mail when the customer has an address. */
  sendConfirmationEmails: z.boolean(),
  /** Call transcripts and recordings are removed this many months after the call; null or 0 keeps them. */
  callRetentionMonths: z
    .number({ error: "Bitte eine ganze Zahl von Monaten eingeben." })
    .int("Bitte eine ganze Zahl von Monaten eingeben.")
    .min(0, "Bitte 0 oder mehr Monate eingeben.")
    .max(120, "Höchstens 120 Monate.")
    .nullable(),
};

type Fields = typeof fields;
export type CompanySettings = { [K in keyof Fields]: z.output<Fields[K]> };

export const DEFAULT_COMPANY_SETTINGS: Readonly<CompanySettings> = Object.freeze({
  slotIntervalMinutes: 15,
  minimumNoticeMinutes: 60,
  bookingWindowDays: 60,
  modificationCutoffHours: 24,
  refundPolicy: "",
  contactEmail: null,
  contactPhone: null,
  sendConfirmationEmails: true,
  callRetentionMonths: null,
});

/** The whole settings object, every field defaulted. */
export const companySettingsSchema = z.object(
  Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, (field as z.ZodType).default(DEFAULT_COMPANY_SETTINGS[key as keyof Fields])]),
  ) as { [K in keyof Fields]: z.ZodDefault<Fields[K]> },
);

/** A partial update: only the fields given change; unknown fields are refused. */
export const companySettingsPatchSchema = z.object(fields).partial().strict();
export type CompanySettingsPatch = z.output<typeof companySettingsPatchSchema>;

/**
 * Reads the stored JSON leniently: an invalid field falls back to its default instead of
 * failing the whole read (a bad value written by hand must not take the phone line down).
 */
export function parseCompanySettings(stored: unknown): CompanySettings {
  const raw = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out = { ...DEFAULT_COMPANY_SETTINGS } as Record<string, unknown>;
  for (const [key, field] of Object.entries(fields)) {
    if (raw[key] === undefined) continue;
    const parsed = field.safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as CompanySettings;
}
