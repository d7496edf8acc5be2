/**
 * Sends one SMS through the company's configured provider (see MessagingSettings).
 * Throws SmsNotConfiguredError, PermanentDeliveryError or TemporaryDeliveryError (./delivery-errors.ts).
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { SmsNotConfiguredError, TemporaryDeliveryError } from "./delivery-errors";

export interface SmsToSend {
  /** E.164 */
  to: string;
  text: string;
  /** The Message row this SMS belongs to. */
  messageId: string;
}

export interface SmsSent {
  provider: "twilio" | "seven";
  providerMessageId: string;
  segments: number | null;
}

export async function sendSms(db: PrismaClient, companyId: string, msg: SmsToSend): Promise<SmsSent> {
  const settings = await db.messagingSettings.findUnique({ where: { companyId } });
  if (!settings?.smsProvider || !settings.smsCredentialsEnc) throw new SmsNotConfiguredError();
  void msg;
  // Provider clients follow in the next commit.
  throw new TemporaryDeliveryError("SMS-Versand ist noch nicht verfügbar");
}
