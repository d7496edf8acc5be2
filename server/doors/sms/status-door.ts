/**
 * The SMS providers' callbacks: Twilio status callbacks and inbound replies (form-encoded,
 * `X-Twilio-Signature`) and seven.io delivery reports (JSON, optional `X-Signature`). The raw
 * body is read once, with a limit, as it was signed; the signed URL is the public one (APP_URL
 * plus path and query), since behind a proxy the request's own host is not what the provider called.
 */
import "@/server/composition";
import { getDb } from "@/server/platform/db";
import { env } from "@/server/platform/env";
import { logger } from "@/server/platform/logger";
import { TWILIO_SIGNATURE_HEADER } from "@/server/integrations/sms/twilio-signature";
import { SEVEN_NONCE_HEADER, SEVEN_SIGNATURE_HEADER, SEVEN_TIMESTAMP_HEADER } from "@/server/integrations/sms/seven-signature";
import { withOutageAnswer } from "@/server/doors/retell/responses";
import { jsonResponse, readBodyWithin } from "@/server/doors/request-kit";
import { handleSevenStatus, handleTwilioInbound, handleTwilioStatus, type CallbackDeps } from "@/server/services/messaging/status-callbacks";

/** A status callback or an SMS reply is small; 64 KB is plenty. */
const SMS_CALLBACK_LIMIT_BYTES = 64 * 1024;

/** POST /api/sms/twilio/status */
export function twilioStatusDoor(request: Request, deps?: CallbackDeps): Promise<Response> {
  return withOutageAnswer("sms-twilio-status", async () => {
    const body = await readBodyWithin(request, SMS_CALLBACK_LIMIT_BYTES);
    if (!body.ok) return jsonResponse({ received: false, error: "Anfrage zu groß." }, 413);
    const answer = await handleTwilioStatus(
      { url: publicUrl(request), rawBody: body.text, signature: request.headers.get(TWILIO_SIGNATURE_HEADER) },
      deps ?? (await defaultDeps("sms-twilio-status")),
    );
    return jsonResponse(answer.body, answer.status);
  });
}

/** POST /api/sms/twilio/inbound?company=<slug>: replies to our SMS (STOP / START). */
export function twilioInboundDoor(request: Request, deps?: CallbackDeps): Promise<Response> {
  return withOutageAnswer("sms-twilio-inbound", async () => {
    const body = await readBodyWithin(request, SMS_CALLBACK_LIMIT_BYTES);
    if (!body.ok) return jsonResponse({ received: false, error: "Anfrage zu groß." }, 413);
    const answer = await handleTwilioInbound(
      {
        url: publicUrl(request),
        companySlug: new URL(request.url).searchParams.get("company"),
        rawBody: body.text,
        signature: request.headers.get(TWILIO_SIGNATURE_HEADER),
      },
      deps ?? (await defaultDeps("sms-twilio-inbound")),
    );
    return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType, "cache-control": "no-store" } });
  });
}

/** POST /api/sms/seven/status: seven.io's "dlr" webhook (request method JSON). */
export function sevenStatusDoor(request: Request, deps?: CallbackDeps): Promise<Response> {
  return withOutageAnswer("sms-seven-status", async () => {
    const body = await readBodyWithin(request, SMS_CALLBACK_LIMIT_BYTES);
    if (!body.ok) return jsonResponse({ received: false, error: "Anfrage zu groß." }, 413);
    const answer = await handleSevenStatus(
      {
        url: publicUrl(request),
        method: request.method,
        rawBody: body.text,
        signature: request.headers.get(SEVEN_SIGNATURE_HEADER),
        timestamp: request.headers.get(SEVEN_TIMESTAMP_HEADER),
        nonce: request.headers.get(SEVEN_NONCE_HEADER),
      },
      deps ?? (await defaultDeps("sms-seven-status")),
    );
    return jsonResponse(answer.body, answer.status);
  });
}

/** The URL the provider called, as it signed it: APP_URL's origin and base path with the request's path and query. */
export function publicUrl(request: Request): string {
  const { pathname, search } = new URL(request.url);
  const base = new URL(env().APP_URL);
  const prefix = base.pathname.replace(/\/+$/, "");
  return `${base.origin}${prefix}${pathname}${search}`;
}

async function defaultDeps(door: string): Promise<CallbackDeps> {
  return { db: await getDb(), now: () => new Date(), log: logger.child({ door }) };
}
