/**
 * How an SMS (or e-mail) delivery attempt can fail, for the delivery pipeline:
 * - `SmsNotConfiguredError`: the company has no SMS provider; the message is suppressed, not an error.
 * - `PermanentDeliveryError`: the provider refused this message for good (invalid number, bad credentials,
 *   no credit); never retried. The message is the German reason shown on the message.
 * - `TemporaryDeliveryError`: the provider is down, answered 5xx, timed out or rate-limits; retried with backoff.
 */
export class SmsNotConfiguredError extends Error {
  constructor() {
    super("nicht zugestellt: kein SMS-Anbieter eingerichtet");
    this.name = "SmsNotConfiguredError";
  }
}

export class PermanentDeliveryError extends Error {
  constructor(
    reason: string,
    /** The provider's own error code, when it gave one. */
    readonly providerCode?: string,
  ) {
    super(reason);
    this.name = "PermanentDeliveryError";
  }
}

export class TemporaryDeliveryError extends Error {
  constructor(
    reason: string,
    /** Seconds the provider asked us to wait, when it said so. */
    readonly retryAfter?: number,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = "TemporaryDeliveryError";
  }
}
