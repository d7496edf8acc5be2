/**
 * Sends one SMS through the company's configured provider (MessagingSettings): Twilio or
 * seven.io. Throws `SmsNotConfiguredError` (no provider or no credentials),
 * `PermanentDeliveryError` (refused for good: number, credentials, sender, credit) or
 * `TemporaryDeliveryError` (provider unreachable, 5xx, timeout, rate limit): see ./delivery-errors.ts.
 *
 * The provider's message id is written onto the Message row at once, so a status callback
 * that arrives before the caller has stored the result still finds its message.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isAppError } from "@/server/core/errors";
import { SmsRejected } from "@/server/integrations/sms/errors";
import { SevenSmsClient } from "@/server/integrations/sms/seven-client";
import { TwilioSmsClient } from "@/server/integrations/sms/twilio-client";
import type { AcceptedSms, OutgoingSms } from "@/server/integrations/sms/types";
import { env } from "@/server/platform/env";
import { logger } from "@/server/platform/logger";
import { openCredentials, type SmsProvider, type StoredCredentials } from "./credentials";
import { PermanentDeliveryError, SmsNotConfiguredError, TemporaryDeliveryError } from "./delivery-errors";

export interface SmsToSend {
  /** E.164 */
  to: string;
  text: string;
  /** The Message row this SMS belongs to. */
  messageId: string;
}

export interface SmsSent {
  provider: SmsProvider;
  providerMessageId: string;
  segments: number | null;
}

/** Twilio refuses longer bodies; seven.io's limit is lower still for one request. */
export const MAX_SMS_LENGTH = 1520;

/** Where Twilio posts delivery reports (given with every message) and seven.io's webhook (set up in its dashboard). */
export function statusCallbackUrl(provider: SmsProvider): string {
  return new URL(`/api/sms/${provider}/status`, env().APP_URL).toString();
}

export async function sendSms(db: PrismaClient, companyId: string, msg: SmsToSend): Promise<SmsSent> {
  const settings = await db.messagingSettings.findUnique({
    where: { companyId },
    select: { smsProvider: true, smsCredentialsEnc: true, smsSender: true },
  });
  const provider = settings?.smsProvider;
  if ((provider !== "twilio" && provider !== "seven") || !settings?.smsCredentialsEnc) throw new SmsNotConfiguredError();
  let credentials: StoredCredentials | null;
  try {
    credentials = openCredentials(companyId, settings.smsCredentialsEnc, provider);
  } catch {
    throw new PermanentDeliveryError("Die gespeicherten SMS-Zugangsdaten lassen sich nicht lesen; bitte neu eingeben");
  }
  if (!credentials) throw new SmsNotConfiguredError();
  if (!msg.text.trim()) throw new PermanentDeliveryError("Der SMS-Text ist leer");
  if (msg.text.length > MAX_SMS_LENGTH) throw new PermanentDeliveryError(`Der SMS-Text ist zu lang (höchstens ${MAX_SMS_LENGTH} Zeichen)`);

  const sms: OutgoingSms = { to: msg.to, text: msg.text, from: settings.smsSender, reference: msg.messageId };
  let accepted: AcceptedSms;
  try {
    accepted = await send(companyId, credentials, sms);
  } catch (error) {
    throw deliveryError(error);
  }
  const sent: SmsSent = { provider, providerMessageId: accepted.providerMessageId, segments: accepted.segments };
  await rememberProviderId(db, companyId, msg.messageId, sent);
  return sent;
}

function send(companyId: string, credentials: StoredCredentials, sms: OutgoingSms): Promise<AcceptedSms> {
  const e = env();
  if (credentials.provider === "twilio") {
    return new TwilioSmsClient(credentials, { baseUrl: e.SMS_TWILIO_BASE_URL, circuitScope: companyId }).send({
      ...sms,
      statusCallbackUrl: statusCallbackUrl("twilio"),
    });
  }
  return new SevenSmsClient(credentials, { baseUrl: e.SMS_SEVEN_BASE_URL, circuitScope: companyId }).send(sms);
}

/** The contract's errors for what the provider client threw. */
export function deliveryError(error: unknown): Error {
  if (error instanceof SmsRejected) return new PermanentDeliveryError(error.reason, error.providerCode);
  // runResilient: unreachable, 5xx, timeout, open circuit, 429 (with the announced wait).
  if (isAppError(error)) return new TemporaryDeliveryError(error.message, error.retryAfter, { cause: error });
  return new TemporaryDeliveryError("Der SMS-Anbieter hat unerwartet geantwortet. Bitte später erneut versuchen.", undefined, { cause: error });
}

async function rememberProviderId(db: PrismaClient, companyId: string, messageId: string, sent: SmsSent): Promise<void> {
  try {
    await db.message.updateMany({
      where: { id: messageId, companyId },
      data: { provider: sent.provider, providerMessageId: sent.providerMessageId, segments: sent.segments },
    });
  } catch (err) {
    // The SMS is out; the caller stores the ids with the result anyway.
    logger.warn({ err, companyId, messageId }, "provider message id could not be stored at once");
  }
}
