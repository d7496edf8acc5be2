/**
 * Twilio's Messages API, as one form-encoded POST with HTTP Basic auth
 * (`/2010-04-01/Accounts/{AccountSid}/Messages.json`). A small fetch client instead of the
 * `twilio` package: that package has no base URL to point at a fake, brings its own HTTP stack
 * and retries, and we need exactly this one call. Runs through `runResilient("sms")`; sending
 * is not idempotent, so only a refused connection is tried again.
 */
import { runResilient, UpstreamHttpError, isUpstreamFailureStatus } from "@/server/platform/resilience";
import { SmsRejected, twilioError, withProviderDetail } from "./errors";
import type { AcceptedSms, OutgoingSms, SmsClientOptions } from "./types";

export interface TwilioCredentials {
  /** AC + 32 hex characters */
  accountSid: string;
  /** 32 hex characters; also the key of the status callbacks' signatures. */
  authToken: string;
}

const MESSAGING_SERVICE_SID = /^MG[0-9a-f]{32}$/i;

export class TwilioSmsClient {
  readonly #options: SmsClientOptions;
  readonly #credentials: TwilioCredentials;

  constructor(credentials: TwilioCredentials, options: SmsClientOptions) {
    this.#credentials = credentials;
    this.#options = options;
  }

  async send(sms: OutgoingSms): Promise<AcceptedSms> {
    const { accountSid, authToken } = this.#credentials;
    const url = new URL(`/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, this.#options.baseUrl);
    const form = new URLSearchParams({ To: sms.to, Body: sms.text });
    if (sms.from) form.set(MESSAGING_SERVICE_SID.test(sms.from) ? "MessagingServiceSid" : "From", sms.from);
    if (sms.statusCallbackUrl) form.set("StatusCallback", sms.statusCallbackUrl);
    const doFetch = this.#options.fetch ?? fetch;
    return runResilient(
      "sms",
      async (signal) => {
        const response = await doFetch(url, {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: form.toString(),
          signal,
        });
        const payload = await readJson(response);
        if (response.ok) return accepted(payload);
        throw failure(response, payload);
      },
      { idempotent: false, timeoutMs: this.#options.timeoutMs, scope: this.#options.circuitScope ?? url.host },
    );
  }
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function accepted(payload: Record<string, unknown>): AcceptedSms {
  const sid = payload.sid;
  if (typeof sid !== "string" || !sid) throw new Error("Twilio answered without a message sid");
  const segments = Number(payload.num_segments);
  return { providerMessageId: sid, segments: Number.isInteger(segments) && segments > 0 ? segments : null };
}

function failure(response: Response, payload: Record<string, unknown>): Error {
  const message = typeof payload.message === "string" ? payload.message : null;
  if (isUpstreamFailureStatus(response.status)) return new UpstreamHttpError(response.status, response.headers, message ?? undefined);
  const code = payload.code === undefined || payload.code === null ? "" : String(payload.code);
  const known = twilioError(code);
  // Twilio answers 401 (20003) for a wrong SID or token; 404 when the account in the path is not the caller's.
  const kind = response.status === 401 || response.status === 403 || response.status === 404 ? "credentials" : known.kind;
  const reason = kind === "credentials" && known.kind !== "credentials" ? twilioError("20003").reason : known.reason;
  return new SmsRejected(kind, withProviderDetail(reason, "Twilio", code || String(response.status), message), code || String(response.status), message);
}
