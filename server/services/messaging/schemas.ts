import { z } from "zod";
import { tryNormalizePhone } from "@/server/scheduling/phone";

export const smsProvider = z.enum(["twilio", "seven"]);
export type SmsProviderName = z.infer<typeof smsProvider>;

export const SMS_PROVIDER_LABELS: Record<SmsProviderName, string> = { twilio: "Twilio", seven: "seven.io" };
export const NO_PROVIDER_MESSAGE = "Kein SMS-Anbieter eingerichtet. Bitte zuerst Twilio oder seven.io auswählen und die Zugangsdaten speichern.";

export const credentialField = z.enum(["account_sid", "auth_token", "api_key", "signing_secret"]);

/** "" means "keep what is stored" (the fields of a write-only form start empty). */
const optionalSecret = <T extends z.ZodString>(schema: T) =>
  z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(schema.optional());

/** Credentials are write-only: what is sent replaces the stored value, what is left out stays. */
export const credentialsInput = z.object({
  account_sid: optionalSecret(z.string().regex(/^AC[0-9a-fA-F]{32}$/, "Die Account SID beginnt mit AC und hat 34 Zeichen (Twilio-Konsole, Account Info).")),
  auth_token: optionalSecret(z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, "Der Auth Token hat mindestens 16 Zeichen aus Buchstaben und Ziffern (Twilio-Konsole, Account Info).")),
  api_key: optionalSecret(z.string().regex(/^[A-Za-z0-9_-]{16,200}$/, "Der API-Schlüssel hat mindestens 16 Zeichen aus Buchstaben und Ziffern (seven.io, Einstellungen → API).")),
  /** seven.io's webhook signing secret; null removes it. */
  signing_secret: optionalSecret(z.string().regex(/^\S{8,200}$/, "Das Signatur-Geheimnis hat mindestens 8 Zeichen ohne Leerzeichen.")).nullable(),
});

const SENDER_MESSAGE =
  "Absender: bis zu 11 Zeichen (Buchstaben, Ziffern, Leerzeichen, mindestens ein Buchstabe) oder eine Rufnummer wie +4915112345678.";

/** Alphanumeric (max 11, at least one letter), a number (max 16 digits) or a Twilio Messaging Service SID; "" = the account's default. */
export const senderInput = z
  .string()
  .trim()
  .max(40, SENDER_MESSAGE)
  .transform((v) => v || null)
  .refine(
    (v) => v === null || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(v) || /^\+?[0-9]{3,16}$/.test(v) || /^MG[0-9a-fA-F]{32}$/.test(v),
    SENDER_MESSAGE,
  )
  .nullable();

export const smsSettingsSchema = z.object({
  provider: smsProvider.nullable(),
  sender: z.string().nullable(),
  /** Whether credentials for the chosen provider are stored; the credentials themselves are never returned. */
  credentials_stored: z.boolean(),
  /** Which credential fields are stored (never their values). */
  stored_fields: z.array(credentialField),
  /** Where the provider reports delivery: Twilio gets it with every SMS; for seven.io enter it as webhook (event "dlr"). */
  status_callback_url: z.string().nullable(),
  /** Twilio only: the number's "A message comes in" webhook, so STOP replies end SMS to that customer. */
  inbound_url: z.string().nullable(),
});

export const getSmsSettingsParams = z.object({});
export const getSmsSettingsResult = smsSettingsSchema;

export const updateSmsSettingsParams = z.object({
  provider: smsProvider.nullable(),
  credentials: credentialsInput.partial().optional(),
  sender: senderInput.optional(),
});
export const updateSmsSettingsResult = smsSettingsSchema;

export const INVALID_MOBILE_MESSAGE = "Bitte eine gültige Mobilnummer angeben, z. B. 0151 12345678 oder +49 151 12345678.";

/** A number as typed, sent in E.164; default region DE. */
export const mobileNumberInput = z
  .string()
  .trim()
  .min(1, "Bitte eine Mobilnummer angeben.")
  .max(40, "Höchstens 40 Zeichen.")
  .transform((v, ctx) => {
    const e164 = tryNormalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: INVALID_MOBILE_MESSAGE, input: v });
      return z.NEVER;
    }
    return e164;
  });

export const sendTestSmsParams = z.object({ to: mobileNumberInput });
export const sendTestSmsResult = z.object({
  sent: z.boolean(),
  /** sent: the provider took it (delivery is reported later); failed: refused or unreachable; suppressed: no provider. */
  state: z.enum(["sent", "failed", "suppressed"]),
  /** German, for the form: "Test-SMS an +49… gesendet" or the reason. */
  message: z.string(),
  to: z.string(),
  message_id: z.string().nullable(),
  provider: smsProvider.nullable(),
});
