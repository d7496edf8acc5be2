/** The company's SMS provider: which one, its credentials (write-only), the sender, and a test SMS. */
import type { z } from "zod";
import { InvalidParamsError } from "@/server/core/call-errors";
import type { ServiceContext } from "@/server/core/types";
import { env } from "@/server/platform/env";
import { openCredentials, sealCredentials, type SmsProvider, type StoredCredentials } from "./credentials";
import { PermanentDeliveryError, SmsNotConfiguredError, TemporaryDeliveryError } from "./delivery-errors";
import type * as s from "./schemas";
import { NO_PROVIDER_MESSAGE, SMS_PROVIDER_LABELS } from "./schemas";
import { sendSms, statusCallbackUrl } from "./sms";

type Settings = z.input<typeof s.smsSettingsSchema>;
type CredentialField = z.output<typeof s.credentialField>;

export async function getSmsSettings(ctx: ServiceContext, _params: z.output<typeof s.getSmsSettingsParams>): Promise<Settings> {
  return describe(ctx);
}

export async function updateSmsSettings(ctx: ServiceContext, params: z.output<typeof s.updateSmsSettingsParams>): Promise<Settings> {
  const current = await ctx.db.messagingSettings.findUnique({
    where: { companyId: ctx.companyId },
    select: { smsProvider: true, smsCredentialsEnc: true },
  });
  const sender = params.sender === undefined ? {} : { smsSender: params.sender };
  if (params.provider === null) {
    // "Keiner": no SMS; the credentials of the old provider are removed with it.
    const data = { smsProvider: null, smsCredentialsEnc: null, ...sender };
    await ctx.db.messagingSettings.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...data }, update: data });
    return describe(ctx);
  }
  const stored = current?.smsProvider === params.provider ? storedOrNull(ctx.companyId, current.smsCredentialsEnc, params.provider) : null;
  const credentials = merge(params.provider, stored, params.credentials ?? {});
  const data = { smsProvider: params.provider, smsCredentialsEnc: sealCredentials(ctx.companyId, credentials), ...sender };
  await ctx.db.messagingSettings.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...data }, update: data });
  return describe(ctx);
}

export async function sendTestSms(ctx: ServiceContext, params: z.output<typeof s.sendTestSmsParams>): Promise<z.input<typeof s.sendTestSmsResult>> {
  const settings = await ctx.db.messagingSettings.findUnique({ where: { companyId: ctx.companyId }, select: { smsProvider: true, smsCredentialsEnc: true } });
  const provider = isProvider(settings?.smsProvider) ? settings.smsProvider : null;
  if (!provider || !settings?.smsCredentialsEnc) {
    return { sent: false, state: "suppressed", message: NO_PROVIDER_MESSAGE, to: params.to, message_id: null, provider: null };
  }
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { name: true } });
  // GSM-7 characters only (no typographic quotes or dashes), so it stays one SMS part.
  const body = `Test-SMS von ${company.name}: Der SMS-Versand über ${SMS_PROVIDER_LABELS[provider]} funktioniert.`;
  const message = await ctx.db.message.create({
    data: { companyId: ctx.companyId, channel: "sms", kind: "test", to: params.to, body, state: "queued" },
    select: { id: true },
  });
  try {
    const sent = await sendSms(ctx.db, ctx.companyId, { to: params.to, text: body, messageId: message.id });
    await ctx.db.message.update({
      where: { id: message.id },
      data: { state: "sent", sentAt: ctx.now(), provider: sent.provider, providerMessageId: sent.providerMessageId, segments: sent.segments },
    });
    return { sent: true, state: "sent", message: `Test-SMS an ${params.to} gesendet.`, to: params.to, message_id: message.id, provider };
  } catch (error) {
    if (error instanceof SmsNotConfiguredError) {
      await ctx.db.message.update({ where: { id: message.id }, data: { state: "suppressed", error: error.message } });
      return { sent: false, state: "suppressed", message: NO_PROVIDER_MESSAGE, to: params.to, message_id: message.id, provider };
    }
    if (!(error instanceof PermanentDeliveryError) && !(error instanceof TemporaryDeliveryError)) throw error;
    // A test is not retried: a temporary failure ends it too, with the reason.
    await ctx.db.message.update({ where: { id: message.id }, data: { state: "failed", error: error.message } });
    return { sent: false, state: "failed", message: `Test-SMS an ${params.to} nicht gesendet: ${error.message}`, to: params.to, message_id: message.id, provider };
  }
}

function isProvider(value: string | null | undefined): value is SmsProvider {
  return value === "twilio" || value === "seven";
}

/** Stored credentials that no longer open count as none: the form asks for them again. */
function storedOrNull(companyId: string, sealed: string | null, provider: SmsProvider): StoredCredentials | null {
  try {
    return openCredentials(companyId, sealed, provider);
  } catch {
    return null;
  }
}

type CredentialsInput = z.output<typeof s.updateSmsSettingsParams>["credentials"] & object;

function merge(provider: SmsProvider, stored: StoredCredentials | null, input: CredentialsInput): StoredCredentials {
  if (provider === "twilio") {
    const old = stored?.provider === "twilio" ? stored : null;
    const accountSid = input.account_sid ?? old?.accountSid;
    const authToken = input.auth_token ?? old?.authToken;
    const missing = { ...(accountSid ? {} : { account_sid: "Bitte die Account SID angeben." }), ...(authToken ? {} : { auth_token: "Bitte den Auth Token angeben." }) };
    if (!accountSid || !authToken) throw missingCredentials(missing);
    return { provider, accountSid, authToken };
  }
  const old = stored?.provider === "seven" ? stored : null;
  const apiKey = input.api_key ?? old?.apiKey;
  if (!apiKey) throw missingCredentials({ api_key: "Bitte den API-Schlüssel angeben." });
  const signingSecret = input.signing_secret === null ? null : (input.signing_secret ?? old?.signingSecret ?? null);
  return { provider, apiKey, signingSecret };
}

/** Field errors under the credential inputs, like a failed schema check. */
function missingCredentials(fields: Record<string, string>): InvalidParamsError {
  return new InvalidParamsError(Object.entries(fields).map(([field, message]) => ({ code: "custom" as const, path: ["credentials", field], message, input: undefined })));
}

async function describe(ctx: ServiceContext): Promise<Settings> {
  const row = await ctx.db.messagingSettings.findUnique({
    where: { companyId: ctx.companyId },
    select: { smsProvider: true, smsCredentialsEnc: true, smsSender: true },
  });
  const provider = isProvider(row?.smsProvider) ? row.smsProvider : null;
  const credentials = provider ? storedOrNull(ctx.companyId, row?.smsCredentialsEnc ?? null, provider) : null;
  const storedFields: CredentialField[] = !credentials
    ? []
    : credentials.provider === "twilio"
      ? ["account_sid", "auth_token"]
      : ["api_key", ...(credentials.signingSecret ? (["signing_secret"] as const) : [])];
  const company = provider === "twilio" ? await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { slug: true } }) : null;
  const inbound = company ? new URL("/api/sms/twilio/inbound", env().APP_URL) : null;
  if (inbound && company) inbound.searchParams.set("company", company.slug);
  return {
    provider,
    sender: row?.smsSender ?? null,
    credentials_stored: credentials !== null,
    stored_fields: storedFields,
    status_callback_url: provider ? statusCallbackUrl(provider) : null,
    inbound_url: inbound?.toString() ?? null,
  };
}
