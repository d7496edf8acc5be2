/**
 * seven.io's SMS API (`POST /api/sms`, `X-Api-Key`, JSON). seven answers HTTP 200 even when it
 * refuses: the `success` code in the body (or a bare code as the whole body) says what happened.
 * A small fetch client instead of `@seven.io/client`: that package has a fixed base URL and
 * calls the global fetch, so it cannot be pointed at a fake without replacing fetch itself.
 * Runs through `runResilient("sms")`; only a refused connection is tried again.
 */
import { runResilient, UpstreamHttpError, isUpstreamFailureStatus } from "@/server/platform/resilience";
import { SmsRejected, sevenError, withProviderDetail } from "./errors";
import type { AcceptedSms, OutgoingSms, SmsClientOptions } from "./types";

export interface SevenCredentials {
  apiKey: string;
  /** Optional: the secret seven.io signs its webhooks with. */
  signingSecret?: string | null;
}

export class SevenSmsClient {
  readonly #options: SmsClientOptions;
  readonly #apiKey: string;

  constructor(credentials: Pick<SevenCredentials, "apiKey">, options: SmsClientOptions) {
    this.#apiKey = credentials.apiKey;
    this.#options = options;
  }

  async send(sms: OutgoingSms): Promise<AcceptedSms> {
    const url = new URL("/api/sms", this.#options.baseUrl);
    const body: Record<string, string> = { to: sms.to, text: sms.text };
    if (sms.from) body.from = sms.from;
    if (sms.reference) body.foreign_id = sms.reference;
    const doFetch = this.#options.fetch ?? fetch;
    return runResilient(
      "sms",
      async (signal) => {
        const response = await doFetch(url, {
          method: "POST",
          headers: { "x-api-key": this.#apiKey, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(body),
          signal,
        });
        const text = await response.text();
        if (isUpstreamFailureStatus(response.status)) throw new UpstreamHttpError(response.status, response.headers, text.slice(0, 200));
        return interpret(response.status, text);
      },
      { idempotent: false, timeoutMs: this.#options.timeoutMs, scope: this.#options.circuitScope ?? url.host },
    );
  }
}

interface SevenMessage {
  id?: unknown;
  parts?: unknown;
  success?: unknown;
  error?: unknown;
  error_text?: unknown;
}

function interpret(status: number, text: string): AcceptedSms {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    payload = text.trim();
  }
  // A bare code ("900") or an object with `success`.
  const record = payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  const code = String(record ? (record.success ?? "") : (payload ?? "")).trim();
  const messages = Array.isArray(record?.messages) ? (record.messages as SevenMessage[]) : [];
  const first = messages[0];
  if (code === "100" && first && first.success !== false && first.id !== null && first.id !== undefined) {
    const parts = Number(first.parts);
    return { providerMessageId: String(first.id), segments: Number.isInteger(parts) && parts > 0 ? parts : null };
  }
  if (status === 401 || status === 403) return reject("900", null);
  const providerText = typeof first?.error_text === "string" ? first.error_text : null;
  if (code === "100" || code === "101") {
    // Accepted as a whole but not for our one recipient: the message's own error says why.
    const messageCode = first?.error === null || first?.error === undefined ? "101" : String(first.error);
    return reject(messageCode, providerText);
  }
  if (!/^\d{3}$/.test(code)) throw new Error(`seven.io answered ${status} without a result code`);
  return reject(code, providerText);
}

function reject(code: string, providerText: string | null): never {
  const { kind, reason } = sevenError(code);
  throw new SmsRejected(kind, withProviderDetail(reason, "seven.io", code, providerText), code, providerText);
}
