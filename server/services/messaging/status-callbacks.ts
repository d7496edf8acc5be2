/**
 * What the SMS providers tell us after sending: delivery reports (Twilio status callbacks,
 * seven.io "dlr" webhooks) and Twilio's inbound replies (STOP ends SMS to that customer).
 *
 * - The message is found by (provider, provider message id); its company's credentials check
 *   the signature. An unknown message and a wrong signature get the same 403, and nothing changes.
 * - States only move forward (queued → sent → delivered | failed); a repeated report finds the
 *   message already there and changes nothing.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { sevenDeliveryOutcome, twilioDeliveryOutcome, type DeliveryOutcome } from "@/server/integrations/sms/errors";
import { verifySevenSignature } from "@/server/integrations/sms/seven-signature";
import { verifyTwilioSignature } from "@/server/integrations/sms/twilio-signature";
import type { Logger } from "@/server/platform/logger";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import { openCredentials, type SmsProvider, type StoredCredentials } from "./credentials";

export interface CallbackDeps {
  db: PrismaClient;
  now: () => Date;
  log: Logger;
}

export interface CallbackAnswer {
  status: number;
  body: { received: boolean; changed?: boolean; error?: string };
}

const REFUSED: CallbackAnswer = { status: 403, body: { received: false, error: "Ungültige Signatur" } };
const UNREADABLE: CallbackAnswer = { status: 400, body: { received: false, error: "Ungültiger Inhalt" } };

export interface TwilioCallback {
  /** The public URL Twilio called (APP_URL + path + query): what Twilio signed. */
  url: string;
  rawBody: string;
  signature: string | null;
}

export async function handleTwilioStatus(request: TwilioCallback, deps: CallbackDeps): Promise<CallbackAnswer> {
  const params = new URLSearchParams(request.rawBody);
  const sid = params.get("MessageSid") ?? params.get("SmsSid");
  const status = params.get("MessageStatus") ?? params.get("SmsStatus");
  if (!sid || !status) return UNREADABLE;
  const found = await messageWithCredentials(deps.db, "twilio", sid);
  if (found?.credentials?.provider !== "twilio") return REFUSED;
  const { credentials, message } = found;
  if (!verifyTwilioSignature(credentials.authToken, request.signature, request.url, params)) return REFUSED;
  if (params.get("AccountSid") && params.get("AccountSid") !== credentials.accountSid) return REFUSED;
  const outcome = twilioDeliveryOutcome(status, params.get("ErrorCode") || null);
  const changed = await apply(deps, message.id, outcome);
  deps.log.info({ companyId: message.companyId, messageId: message.id, status, changed }, "twilio status callback");
  return { status: 200, body: { received: true, changed } };
}

export interface SevenCallback {
  url: string;
  method: string;
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  nonce: string | null;
}

export async function handleSevenStatus(request: SevenCallback, deps: CallbackDeps): Promise<CallbackAnswer> {
  const report = readSevenReport(request.rawBody);
  if (!report) return UNREADABLE;
  if (report.event !== "dlr") return { status: 200, body: { received: true, changed: false } };
  const found = await messageWithCredentials(deps.db, "seven", report.msgId);
  if (found?.credentials?.provider !== "seven") return REFUSED;
  const { credentials, message } = found;
  // seven.io signs only when a signing secret is set up; with one stored, an unsigned report is refused.
  if (credentials.signingSecret) {
    const signed = verifySevenSignature(
      credentials.signingSecret,
      request.signature,
      { timestamp: request.timestamp, nonce: request.nonce, method: request.method, url: request.url, body: request.rawBody },
      deps.now().getTime(),
    );
    if (!signed) return REFUSED;
  }
  const changed = await apply(deps, message.id, sevenDeliveryOutcome(report.status));
  deps.log.info({ companyId: message.companyId, messageId: message.id, status: report.status, changed }, "seven.io delivery report");
  return { status: 200, body: { received: true, changed } };
}

export interface TwilioInbound extends TwilioCallback {
  companySlug: string | null;
}

/** Twilio's standard opt-out and opt-in words, plus the German STOPP. */
const OPT_OUT_WORDS = new Set(["STOP", "STOPP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const OPT_IN_WORDS = new Set(["START", "UNSTOP", "YES"]);

export interface InboundAnswer {
  status: number;
  /** TwiML for Twilio (an empty <Response/>: no automatic reply from us), or JSON for a refusal. */
  body: string;
  contentType: string;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export async function handleTwilioInbound(request: TwilioInbound, deps: CallbackDeps): Promise<InboundAnswer> {
  const refused = { status: 403, body: JSON.stringify(REFUSED.body), contentType: "application/json; charset=utf-8" };
  const company = request.companySlug
    ? await deps.db.company.findUnique({
        where: { slug: request.companySlug },
        select: { id: true, messaging: { select: { smsProvider: true, smsCredentialsEnc: true } } },
      })
    : null;
  const settings = company?.messaging;
  const credentials = company && settings?.smsProvider === "twilio" ? safeOpen(company.id, settings.smsCredentialsEnc, "twilio") : null;
  const params = new URLSearchParams(request.rawBody);
  if (!company || credentials?.provider !== "twilio" || !verifyTwilioSignature(credentials.authToken, request.signature, request.url, params)) {
    return refused;
  }
  if (params.get("AccountSid") && params.get("AccountSid") !== credentials.accountSid) return refused;
  const word = (params.get("Body") ?? "").trim().replace(/[.!]+$/, "").toUpperCase();
  const from = params.get("From") ?? "";
  const phone = tryNormalizePhone(from) ?? from;
  const optOut = OPT_OUT_WORDS.has(word) ? true : OPT_IN_WORDS.has(word) ? false : null;
  if (optOut !== null && phone) {
    const { count } = await deps.db.customer.updateMany({ where: { companyId: company.id, phone }, data: { smsOptOut: optOut } });
    deps.log.info({ companyId: company.id, optOut, customers: count }, "sms opt-out reply");
  }
  return { status: 200, body: EMPTY_TWIML, contentType: "text/xml; charset=utf-8" };
}

async function messageWithCredentials(db: PrismaClient, provider: SmsProvider, providerMessageId: string) {
  const message = await db.message.findUnique({
    where: { provider_providerMessageId: { provider, providerMessageId } },
    select: { id: true, companyId: true, company: { select: { messaging: { select: { smsCredentialsEnc: true } } } } },
  });
  if (!message) return null;
  // Only the credentials of the provider that sent it verify; after a switch, its late reports are refused.
  return { message, credentials: safeOpen(message.companyId, message.company.messaging?.smsCredentialsEnc ?? null, provider) };
}

function safeOpen(companyId: string, sealed: string | null, provider: SmsProvider): StoredCredentials | null {
  try {
    return openCredentials(companyId, sealed, provider);
  } catch {
    return null;
  }
}

async function apply(deps: CallbackDeps, messageId: string, outcome: DeliveryOutcome): Promise<boolean> {
  const now = deps.now();
  const open = { in: ["queued", "sent"] as Array<"queued" | "sent"> };
  switch (outcome.state) {
    case "delivered": {
      const { count } = await deps.db.message.updateMany({ where: { id: messageId, state: open }, data: { state: "delivered", deliveredAt: now, error: null } });
      return count > 0;
    }
    case "failed": {
      const { count } = await deps.db.message.updateMany({ where: { id: messageId, state: open }, data: { state: "failed", error: outcome.reason } });
      return count > 0;
    }
    case "sent": {
      const { count } = await deps.db.message.updateMany({ where: { id: messageId, state: "queued" }, data: { state: "sent", sentAt: now } });
      return count > 0;
    }
    case "ignored":
      return false;
  }
}

function readSevenReport(raw: string): { event: string; msgId: string; status: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const v = value as { webhook_event?: unknown; data?: { msg_id?: unknown; status?: unknown } };
  const msgId = v.data?.msg_id;
  const status = v.data?.status;
  if (typeof v.webhook_event !== "string" || (typeof msgId !== "string" && typeof msgId !== "number") || typeof status !== "string") return null;
  return { event: v.webhook_event, msgId: String(msgId), status };
}
