/**
 * A company's SMS provider credentials, sealed as one JSON value in
 * `messaging_settings.smsCredentialsEnc` (bound to the company and that column). They leave this
 * module only towards the provider and the signature checks, never towards a caller.
 */
import { decryptSecret, encryptSecret } from "@/server/platform/crypto";
import type { SevenCredentials } from "@/server/integrations/sms/seven-client";
import type { TwilioCredentials } from "@/server/integrations/sms/twilio-client";

export type SmsProvider = "twilio" | "seven";

export type StoredCredentials =
  | ({ provider: "twilio" } & TwilioCredentials)
  | ({ provider: "seven" } & { apiKey: string; signingSecret: string | null });

const binding = (companyId: string) => ({ companyId, column: "messaging_settings.smsCredentialsEnc" }) as const;

export function sealCredentials(companyId: string, credentials: StoredCredentials): string {
  return encryptSecret(JSON.stringify(credentials), binding(companyId));
}

/**
 * The stored credentials of `provider`; null when none are stored or they belong to another
 * provider. Throws when the sealed value does not open (another company's row, another key).
 */
export function openCredentials(companyId: string, sealed: string | null, provider: SmsProvider): StoredCredentials | null {
  if (!sealed) return null;
  const value: unknown = JSON.parse(decryptSecret(sealed, binding(companyId)));
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (v.provider !== provider) return null;
  if (provider === "twilio" && typeof v.accountSid === "string" && typeof v.authToken === "string") {
    return { provider, accountSid: v.accountSid, authToken: v.authToken };
  }
  if (provider === "seven" && typeof v.apiKey === "string") {
    return { provider, apiKey: v.apiKey, signingSecret: typeof v.signingSecret === "string" && v.signingSecret ? v.signingSecret : null };
  }
  return null;
}

export type { SevenCredentials, TwilioCredentials };
