/** What both SMS provider clients take and give back. */
export interface OutgoingSms {
  /** E.164 */
  to: string;
  text: string;
  /** Alphanumeric sender (max 11), a number, or for Twilio a Messaging Service SID (MG…); null: the account's default. */
  from: string | null;
  /** Where the provider reports delivery (Twilio sends one per message; seven.io uses the account's webhook). */
  statusCallbackUrl?: string;
  /** Our message id, for the provider's records where it keeps one. */
  reference?: string;
}

export interface AcceptedSms {
  providerMessageId: string;
  /** Parts the provider bills; null when it did not say. */
  segments: number | null;
}

export interface SmsClientOptions {
  /** API host, e.g. https://api.twilio.com or the fake's origin. */
  baseUrl: string;
  /** Per-attempt timeout; defaults to the sms resilience setting. */
  timeoutMs?: number;
  /** Circuit breaker scope, normally the company id. */
  circuitScope?: string;
  fetch?: typeof fetch;
}
